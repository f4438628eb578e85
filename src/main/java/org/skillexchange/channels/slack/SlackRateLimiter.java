package org.skillexchange.channels.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.jspecify.annotations.Nullable;

/**
 * Slack's published limits kept on our side as token buckets: per method at its tier,
 * {@code chat.postMessage} about once a second per channel with a workspace budget, and a 429's
 * Retry-After obeyed for the whole method. Where the buckets live is the {@link SlackRateBudget}'s
 * choice: in this process, or in PostgreSQL for every instance (docs/decisions/0003).
 */
final class SlackRateLimiter {

	static final String POST_MESSAGE = "chat.postMessage";

	private static final Map<String, Bandwidth> TIERS = Map.of(
			"users.lookupByEmail", perMinute(50),
			"conversations.open", perMinute(50),
			"conversations.history", perMinute(50),
			"chat.update", perMinute(50),
			"users.info", perMinute(100),
			"auth.test", perMinute(600));

	private static final Bandwidth POST_WORKSPACE = perMinute(300);

	private static final Bandwidth POST_PER_CHANNEL = Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofSeconds(1)).build();

	private final SlackRateBudget budget;

	private final Clock clock;

	SlackRateLimiter(SlackRateBudget budget, Clock clock) {
		this.budget = budget;
		this.clock = clock;
	}

	/** Takes a token for this call if it may go now (never waits); else how long until it may. */
	Optional<Duration> acquire(String method, @Nullable String channel) {
		Optional<Duration> held = heldBack(method);
		if (held.isPresent()) {
			return held;
		}
		var buckets = new ArrayList<Map.Entry<String, Bandwidth>>();
		if (POST_MESSAGE.equals(method)) {
			// The channel's own bucket first: a token it gives when the workspace then says no costs one DM channel a
			// second, whereas the other way round would waste the budget every instance shares.
			if (channel != null) {
				buckets.add(Map.entry(method + "#" + channel, POST_PER_CHANNEL));
			}
			buckets.add(Map.entry(method, POST_WORKSPACE));
		}
		else if (TIERS.containsKey(method)) {
			buckets.add(Map.entry(method, TIERS.get(method)));
		}
		for (var bucket : buckets) {
			ConsumptionProbe probe = budget.bucket(bucket.getKey(), bucket.getValue()).tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
			}
		}
		return Optional.empty();
	}

	/** How long a 429's Retry-After (seen by any instance sharing the budget) still holds this method back, if it does. */
	Optional<Duration> heldBack(String method) {
		Instant now = clock.instant();
		return budget.blockedUntil(method).filter(now::isBefore).map(blocked -> Duration.between(now, blocked));
	}

	/** Slack said 429: nothing more for this method until Retry-After has passed. */
	void rateLimited(String method, Duration retryAfter) {
		budget.block(method, clock.instant().plus(retryAfter));
	}

	/** Bucket4j's time from the injected clock, so that tests move both sides of a limit together. */
	static TimeMeter timeMeter(Clock clock) {
		return new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}
		};
	}

	/**
	 * Slack's "N per minute" as a bucket that never lets N through in any minute: a token bucket passes at
	 * most its capacity plus one window's refill, less one, in any window. The capacity is about a second's
	 * worth (covers the engine's poll between a refill and the next try); a fiftieth of N is left as margin
	 * for the time between taking a token here and the request reaching Slack, whose windows slide.
	 */
	private static Bandwidth perMinute(int published) {
		int capacity = Math.max(2, published / 60);
		int margin = (published + 49) / 50;
		return Bandwidth.builder().capacity(capacity).refillGreedy(published - capacity - margin, Duration.ofMinutes(1)).build();
	}
}

package org.skillexchange.channels.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Slack's published limits kept on our side, in this process: per method at its tier,
 * {@code chat.postMessage} about once a second per channel with a workspace budget, and a 429's
 * Retry-After obeyed for the whole method.
 */
final class SlackRateLimiter {

	private record Limit(int requests, Duration window) {
	}

	static final String POST_MESSAGE = "chat.postMessage";

	private static final Map<String, Limit> TIERS = Map.of(
			"users.lookupByEmail", new Limit(50, Duration.ofMinutes(1)),
			"conversations.open", new Limit(50, Duration.ofMinutes(1)),
			"conversations.history", new Limit(50, Duration.ofMinutes(1)),
			"chat.update", new Limit(50, Duration.ofMinutes(1)),
			"users.info", new Limit(100, Duration.ofMinutes(1)),
			"auth.test", new Limit(600, Duration.ofMinutes(1)));

	private static final Limit POST_PER_CHANNEL = new Limit(1, Duration.ofSeconds(1));

	private static final Limit POST_WORKSPACE = new Limit(300, Duration.ofMinutes(1));

	private final Clock clock;

	private final Map<String, Deque<Instant>> windows = new HashMap<>();

	private final Map<String, Instant> blockedUntil = new HashMap<>();

	SlackRateLimiter(Clock clock) {
		this.clock = clock;
	}

	/** Counts a call if it may go now; else how long to wait. */
	synchronized Optional<Duration> acquire(String method, @Nullable String channel) {
		Optional<Duration> held = heldBack(method);
		if (held.isPresent()) {
			return held;
		}
		Instant now = clock.instant();
		var checks = new HashMap<String, Limit>();
		if (POST_MESSAGE.equals(method)) {
			checks.put(method, POST_WORKSPACE);
			if (channel != null) {
				checks.put(method + "#" + channel, POST_PER_CHANNEL);
			}
		}
		else if (TIERS.containsKey(method)) {
			checks.put(method, TIERS.get(method));
		}
		Duration wait = Duration.ZERO;
		for (var check : checks.entrySet()) {
			Deque<Instant> window = windows.computeIfAbsent(check.getKey(), key -> new ArrayDeque<>());
			while (!window.isEmpty() && !window.peekFirst().plus(check.getValue().window()).isAfter(now)) {
				window.removeFirst();
			}
			if (window.size() >= check.getValue().requests()) {
				Duration until = Duration.between(now, window.peekFirst().plus(check.getValue().window()));
				wait = until.compareTo(wait) > 0 ? until : wait;
			}
		}
		if (!wait.isZero()) {
			return Optional.of(wait);
		}
		checks.keySet().forEach(key -> windows.get(key).addLast(now));
		return Optional.empty();
	}

	/** How long a 429's Retry-After still holds this method back, if it does. */
	synchronized Optional<Duration> heldBack(String method) {
		Instant now = clock.instant();
		Instant blocked = blockedUntil.get(method);
		return blocked != null && blocked.isAfter(now) ? Optional.of(Duration.between(now, blocked)) : Optional.empty();
	}

	/** Slack said 429: nothing more for this method until Retry-After has passed. */
	synchronized void rateLimited(String method, Duration retryAfter) {
		blockedUntil.merge(method, clock.instant().plus(retryAfter), (a, b) -> a.isAfter(b) ? a : b);
	}
}

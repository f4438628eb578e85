package org.skillexchange.slacksim;

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
 * Slack's rate limits as sliding windows per workspace and method; {@code chat.postMessage} is
 * limited per channel and by a workspace cap. The defaults follow Slack's tier table.
 */
public final class RateLimits {

	/** At most {@code requests} within any {@code window}. */
	public record Limit(int requests, Duration window) {

		public static Limit perMinute(int requests) {
			return new Limit(requests, Duration.ofMinutes(1));
		}
	}

	static final String POST_MESSAGE = "chat.postMessage";

	private final Map<String, Limit> perMethod = new HashMap<>();

	private @Nullable Limit postMessagePerChannel;

	private @Nullable Limit postMessageWorkspace;

	private final Map<String, Deque<Instant>> windows = new HashMap<>();

	private RateLimits() {
	}

	/** Slack's tiers: Tier 1 {@code apps.connections.open}, Tier 3 lookups and opens, Tier 4 {@code users.info}. */
	public static RateLimits slackTiers() {
		return new RateLimits()
			// Tier 1 is "1+ per minute"; the SDK opens two links per start, so allow a start and a reconnect.
			.method("apps.connections.open", Limit.perMinute(4))
			.method("users.lookupByEmail", Limit.perMinute(50))
			.method("conversations.open", Limit.perMinute(50))
			.method("conversations.history", Limit.perMinute(50))
			.method("chat.update", Limit.perMinute(50))
			.method("users.info", Limit.perMinute(100))
			.method("auth.test", Limit.perMinute(600))
			// About one per second per channel with short bursts; the workspace cap is "several hundred per minute".
			.postMessage(new Limit(3, Duration.ofSeconds(3)), Limit.perMinute(300));
	}

	/** No limits at all, for functional tests that are not about rate limiting. */
	public static RateLimits none() {
		return new RateLimits();
	}

	public synchronized RateLimits method(String method, Limit limit) {
		perMethod.put(method, limit);
		return this;
	}

	public synchronized RateLimits postMessage(@Nullable Limit perChannel, @Nullable Limit workspace) {
		this.postMessagePerChannel = perChannel;
		this.postMessageWorkspace = workspace;
		return this;
	}

	/** Counts the call if it is allowed; else the seconds to wait (Retry-After). */
	synchronized Optional<Integer> admit(String method, @Nullable String channel, Clock clock) {
		Instant now = clock.instant();
		var checks = new HashMap<String, Limit>();
		if (POST_MESSAGE.equals(method)) {
			if (postMessagePerChannel != null && channel != null) {
				checks.put(method + "#" + channel, postMessagePerChannel);
			}
			if (postMessageWorkspace != null) {
				checks.put(method, postMessageWorkspace);
			}
		}
		else if (perMethod.containsKey(method)) {
			checks.put(method, perMethod.get(method));
		}
		long wait = 0;
		for (var check : checks.entrySet()) {
			Deque<Instant> window = windows.computeIfAbsent(check.getKey(), key -> new ArrayDeque<>());
			Limit limit = check.getValue();
			while (!window.isEmpty() && !window.peekFirst().plus(limit.window()).isAfter(now)) {
				window.removeFirst();
			}
			if (window.size() >= limit.requests()) {
				long millis = Duration.between(now, window.peekFirst().plus(limit.window())).toMillis();
				wait = Math.max(wait, Math.max(1, (millis + 999) / 1000));
			}
		}
		if (wait > 0) {
			return Optional.of((int) wait);
		}
		checks.keySet().forEach(key -> windows.get(key).addLast(now));
		return Optional.empty();
	}
}

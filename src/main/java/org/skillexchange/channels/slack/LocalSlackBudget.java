package org.skillexchange.channels.slack;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/** The budget in this process: right for embedded H2, where there is only one instance. */
final class LocalSlackBudget implements SlackRateBudget {

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final Map<String, Instant> blocks = new ConcurrentHashMap<>();

	private final TimeMeter time;

	LocalSlackBudget(Clock clock) {
		this.time = SlackRateLimiter.timeMeter(clock);
	}

	@Override
	public Bucket bucket(String key, Bandwidth shape) {
		return buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(shape).withCustomTimePrecision(time).build());
	}

	@Override
	public Optional<Instant> blockedUntil(String method) {
		return Optional.ofNullable(blocks.get(method));
	}

	@Override
	public void block(String method, Instant until) {
		blocks.merge(method, until, (a, b) -> a.isAfter(b) ? a : b);
	}
}

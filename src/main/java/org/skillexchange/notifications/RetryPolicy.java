package org.skillexchange.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

/**
 * When to try a retryable delivery again, or to give up. Backoff doubles from the initial delay up
 * to the cap, with jitter so that a burst of failures does not retry in lockstep; a channel's
 * Retry-After always wins and is never undercut.
 */
record RetryPolicy(int maxAttempts, Duration maxAge, Duration initialBackoff, Duration maxBackoff, DoubleSupplier random) {

	sealed interface Decision {
	}

	record RetryAt(Instant at) implements Decision {
	}

	record GiveUp(String reason) implements Decision {
	}

	static RetryPolicy from(NotificationSettings.Delivery settings, DoubleSupplier random) {
		return new RetryPolicy(settings.maxAttempts(), settings.maxAge(), settings.initialBackoff(), settings.maxBackoff(), random);
	}

	/** {@code attempts} counts the attempt that just failed. */
	Decision next(int attempts, Instant createdAt, Instant now, String reason, @Nullable Duration retryAfter) {
		if (attempts >= maxAttempts) {
			return new GiveUp("gave up after " + attempts + " attempts: " + reason);
		}
		Instant at = now.plus(retryAfter != null ? withJitterAbove(retryAfter) : backoff(attempts));
		if (at.isAfter(createdAt.plus(maxAge))) {
			return new GiveUp("gave up after " + attempts + " attempts over " + maxAge.toHours() + " h: " + reason);
		}
		return new RetryAt(at);
	}

	/** Half the exponential delay fixed, half random ("equal jitter"). */
	Duration backoff(int attempts) {
		long base = initialBackoff.toMillis() << Math.min(attempts - 1, 30);
		long capped = Math.min(Math.max(base, 0), maxBackoff.toMillis());
		return Duration.ofMillis(capped / 2 + (long) (random.getAsDouble() * (capped / 2.0)));
	}

	private Duration withJitterAbove(Duration retryAfter) {
		return retryAfter.plusMillis((long) (random.getAsDouble() * Math.min(1000, retryAfter.toMillis() / 10 + 1)));
	}
}

package org.skillexchange.notifications.spi;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** What happened to one delivery, as a value; the engine decides what to do next. */
public sealed interface DeliveryOutcome {

	/** Arrived; {@code reference} is the channel's own id (Backstage notification id, Slack channel and ts). */
	record Delivered(String reference) implements DeliveryOutcome {
	}

	/** Deliberately not sent (the user opted out on the channel's side, say). */
	record Skipped(String reason) implements DeliveryOutcome {
	}

	/** Try again later; a {@code retryAfter} from the channel (Retry-After) wins over the engine's backoff. */
	record RetryLater(String reason, @Nullable Duration retryAfter) implements DeliveryOutcome {
	}

	/**
	 * Not attempted: the channel's own budget (a rate limit it enforces itself) says wait until then.
	 * Rescheduled without using an attempt.
	 */
	record Deferred(String reason, Duration waitFor) implements DeliveryOutcome {
	}

	/** This delivery can never succeed (unknown user, invalid content). */
	record PermanentFailure(String reason) implements DeliveryOutcome {
	}

	/** The whole channel cannot deliver (bad credentials, missing permissions); pause it until a probe succeeds. */
	record ChannelDown(String reason) implements DeliveryOutcome {
	}
}

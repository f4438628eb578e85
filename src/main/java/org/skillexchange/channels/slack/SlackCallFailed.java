package org.skillexchange.channels.slack;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.spi.DeliveryOutcome;

/**
 * A Slack call that did not succeed, with what it means for the delivery. {@code ambiguous} when
 * Slack may have done it anyway (no answer, 5xx).
 */
final class SlackCallFailed extends RuntimeException {

	final DeliveryOutcome outcome;

	final @Nullable String error;

	final boolean ambiguous;

	SlackCallFailed(DeliveryOutcome outcome, @Nullable String error, boolean ambiguous) {
		super(error == null ? outcome.toString() : error, null, false, false);
		this.outcome = outcome;
		this.error = error;
		this.ambiguous = ambiguous;
	}
}

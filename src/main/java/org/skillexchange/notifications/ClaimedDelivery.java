package org.skillexchange.notifications;

import java.time.Instant;
import java.util.UUID;

/** A delivery this instance has claimed; {@code version} guards every later write against a takeover. */
record ClaimedDelivery(UUID id, UUID notificationId, String recipient, String channel, int attempts, int version,
		Instant createdAt) {
}

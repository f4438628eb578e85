package org.skillexchange.notifications;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One delivery as the delivery log shows it. */
public record DeliveryView(UUID id, UUID notificationId, String recipient, String channel, DeliveryStatus status,
		int attempts, @Nullable String lastError, @Nullable Instant nextAttemptAt, @Nullable String reference,
		Instant createdAt, @Nullable Instant completedAt) {
}

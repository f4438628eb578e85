package org.skillexchange.notifications.spi;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;
import org.skillexchange.notifications.Severity;

/** A recorded notification as a channel sees it; {@code title} and {@code description} are the plain-text (inbox) form. */
public record NotificationContent(UUID id, NotificationType type, @Nullable PostType postType, @Nullable String actor,
		String title, @Nullable String description, @Nullable String link, Severity severity, String topic,
		@Nullable String scope, Map<String, Object> data, String origin, Instant createdAt) {
}

package org.skillexchange.channels.backstage;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/notifications/notifications}, as Backstage's OpenAPI spec names it. */
record NotificationSendOptions(Recipients recipients, Payload payload) {

	/** {@code {type: entity, entityRef}}: a single user ref, or a list (empty for the connection check). */
	record Recipients(String type, Object entityRef) {

		static Recipients user(String ref) {
			return new Recipients("entity", ref);
		}

		static Recipients nobody() {
			return new Recipients("entity", List.of());
		}
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Payload(String title, @Nullable String description, @Nullable String link, @Nullable String severity,
			@Nullable String topic, @Nullable String scope, @Nullable Map<String, Object> metadata) {
	}
}

package org.skillexchange.channels.backstage;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A notification as Backstage returns it. Timestamps come as ISO strings on PostgreSQL and, for
 * {@code read}, {@code saved} and {@code updated}, as epoch milliseconds on SQLite; both are read.
 */
record BackstageNotification(String id, @Nullable String user, String origin, @Nullable Instant created,
		@Nullable Instant updated, @Nullable Instant read, @Nullable Instant saved) {

	static BackstageNotification of(JsonNode node) {
		return new BackstageNotification(node.path("id").asString(), text(node.get("user")), node.path("origin").asString(""),
				instant(node.get("created")), instant(node.get("updated")), instant(node.get("read")),
				instant(node.get("saved")));
	}

	static @Nullable Instant instant(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return Instant.ofEpochMilli(value.asLong());
		}
		try {
			return Instant.parse(value.asString());
		}
		catch (DateTimeParseException e) {
			// A number sent as a string (some drivers do that); anything else is not a time we can use.
			return value.asString().matches("\\d+") ? Instant.ofEpochMilli(Long.parseLong(value.asString())) : null;
		}
	}

	private static @Nullable String text(@Nullable JsonNode value) {
		return value == null || value.isNull() ? null : value.asString();
	}
}

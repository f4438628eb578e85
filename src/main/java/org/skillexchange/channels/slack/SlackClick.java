package org.skillexchange.channels.slack;

import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.jspecify.annotations.Nullable;

/**
 * One button click from a {@code block_actions} payload, as Socket Mode and the HTTP endpoint both
 * carry it. {@code blocksJson} is the clicked message's blocks, so the outcome can replace its buttons.
 */
record SlackClick(String userId, String actionId, String value, String channelId, String messageTs,
		@Nullable String responseUrl, String blocksJson, int retryAttempt) {

	/** The click in a payload; empty for anything that is not a click on a button of a message. */
	static Optional<SlackClick> parse(String payloadJson, int retryAttempt) {
		try {
			JsonObject payload = JsonParser.parseString(payloadJson).getAsJsonObject();
			if (!"block_actions".equals(text(payload, "type")) || !payload.has("actions") || payload.getAsJsonArray("actions").isEmpty()
					|| !payload.has("user") || !payload.has("container")) {
				return Optional.empty();
			}
			JsonObject action = payload.getAsJsonArray("actions").get(0).getAsJsonObject();
			JsonObject container = payload.getAsJsonObject("container");
			String user = text(payload.getAsJsonObject("user"), "id");
			String actionId = text(action, "action_id");
			String value = text(action, "value");
			String channel = text(container, "channel_id");
			String ts = text(container, "message_ts");
			if (user == null || actionId == null || value == null || channel == null || ts == null) {
				return Optional.empty();
			}
			JsonElement blocks = payload.has("message") && payload.getAsJsonObject("message").has("blocks")
					? payload.getAsJsonObject("message").get("blocks") : null;
			return Optional.of(new SlackClick(user, actionId, value, channel, ts, text(payload, "response_url"),
					blocks == null ? "[]" : blocks.toString(), retryAttempt));
		}
		catch (JsonParseException | IllegalStateException | ClassCastException e) {
			return Optional.empty();
		}
	}

	/** A field's text; null when it is missing or not a string, number or boolean (a hostile payload may nest anything). */
	static @Nullable String text(JsonObject object, String field) {
		JsonElement element = object.get(field);
		return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
	}
}

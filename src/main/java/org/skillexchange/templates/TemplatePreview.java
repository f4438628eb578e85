package org.skillexchange.templates;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notification type rendered with sample data: {@code title} and {@code description} for Backstage,
 * {@code text} and {@code blocksJson} (a Block Kit JSON array) for Slack; {@code variables} are the names the
 * type's templates may use, with what each holds.
 */
public record TemplatePreview(NotificationType type, @Nullable PostType postType, TemplateChannel channel,
		@Nullable String title, @Nullable String description, @Nullable String text, @Nullable String blocksJson,
		Map<String, String> variables) {

	/** For people: the title and description, or the Slack message ({@code text} and {@code blocks}) as pretty JSON. */
	public String toDisplayText() {
		if (channel == TemplateChannel.BACKSTAGE) {
			return "Title: " + title + "\n\n" + description + "\n";
		}
		JsonMapper json = BlockKit.JSON;
		ObjectNode message = json.createObjectNode();
		message.put("text", text);
		message.set("blocks", json.readTree(String.valueOf(blocksJson)));
		return json.writerWithDefaultPrettyPrinter().writeValueAsString(message) + "\n";
	}
}

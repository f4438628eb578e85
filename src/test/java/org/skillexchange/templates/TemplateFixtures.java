package org.skillexchange.templates;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;
import tools.jackson.databind.JsonNode;

/** Settings and data for template tests. */
final class TemplateFixtures {

	private TemplateFixtures() {
	}

	static MustacheTemplates defaults() {
		return MustacheTemplates.create(new TemplateSettings(Map.of(), null), List.of());
	}

	static TemplateSettings config(String key, @Nullable String backstageTitle, @Nullable String backstageDescription,
			@Nullable String slackText, @Nullable String slackBlocks) {
		return new TemplateSettings(Map.of(key, new TemplateSettings.Override(
				new TemplateSettings.Backstage(backstageTitle, backstageDescription),
				new TemplateSettings.Slack(slackText, slackBlocks))), null);
	}

	static TemplateSettings directory(Path dir) {
		return new TemplateSettings(Map.of(), dir);
	}

	static Map<String, Object> sample(NotificationType type, @Nullable PostType postType) {
		return new LinkedHashMap<>(TemplateVariables.sample(type, postType, true));
	}

	static JsonNode blocks(SlackMessage message) {
		return BlockKit.JSON.readTree(message.blocksJson());
	}
}

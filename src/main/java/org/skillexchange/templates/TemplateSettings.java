package org.skillexchange.templates;

import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code skillExchange.notifications.templates} and {@code .templatesDirectory}. Template keys contain
 * dots ({@code gig.inquiry.mentorship}); the config loader keeps them whole with bracket notation.
 */
@ConfigurationProperties("skill-exchange.notifications")
record TemplateSettings(@DefaultValue Map<String, Override> templates, @Nullable Path templatesDirectory) {

	static final String CONFIG_PATH = "skillExchange.notifications.templates";

	/** The templates of one type (and post type) that the config replaces; any may be left out. */
	record Override(@Nullable Backstage backstage, @Nullable Slack slack) {

		@Nullable String get(TemplatePart part) {
			return switch (part) {
				case BACKSTAGE_TITLE -> backstage == null ? null : backstage.title();
				case BACKSTAGE_DESCRIPTION -> backstage == null ? null : backstage.description();
				case SLACK_TEXT -> slack == null ? null : slack.text();
				case SLACK_BLOCKS -> slack == null ? null : slack.blocks();
			};
		}
	}

	record Backstage(@Nullable String title, @Nullable String description) {
	}

	/** {@code blocks} is a Block Kit JSON array written as a string (a YAML {@code |} block). */
	record Slack(@Nullable String text, @Nullable String blocks) {
	}
}

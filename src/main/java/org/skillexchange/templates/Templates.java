package org.skillexchange.templates;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;
import org.skillexchange.notifications.spi.NotificationContent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Renders recorded notifications for the channels that need more than plain text. */
public interface Templates {

	/** The Slack form: fallback {@code text} and Block Kit {@code blocks} (a JSON array), values escaped for mrkdwn. */
	SlackMessage renderSlack(NotificationContent notification);

	/** The type rendered with its documented sample data, as a channel would show it. */
	TemplatePreview preview(NotificationType type, TemplateChannel channel, @Nullable PostType postType);

	/**
	 * Templates outside the service (the {@code preview} command): shipped defaults plus the overrides in
	 * the given config properties ({@code AppConfig.toProperties()}), validated; no code builders.
	 *
	 * @throws InvalidTemplates listing every problem
	 */
	static Templates load(Map<String, ?> configProperties) {
		var settings = new Binder(new MapConfigurationPropertySource(configProperties))
			.bind("skill-exchange.notifications", TemplateSettings.class)
			.orElseGet(() -> new TemplateSettings(Map.of(), null));
		return MustacheTemplates.create(settings, List.of());
	}
}

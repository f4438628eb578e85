package org.skillexchange.templates;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one renderer, serving Slack ({@link Templates}) and the inbox and Backstage ({@code PlainTextRenderer}).
 * Creating it validates every template and builder, so a broken template stops the start before any work is taken.
 */
@Configuration(proxyBeanMethods = false)
class TemplatesConfiguration {

	@Bean
	MustacheTemplates templates(TemplateSettings settings, ObjectProvider<NotificationMessageBuilder> builders) {
		return MustacheTemplates.create(settings, builders.orderedStream().toList());
	}
}

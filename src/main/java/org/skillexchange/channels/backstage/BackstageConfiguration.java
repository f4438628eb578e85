package org.skillexchange.channels.backstage;

import java.time.Clock;

import org.skillexchange.config.SiteSettings;
import org.skillexchange.notifications.NotificationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the channel from its settings, the site's base URLs and the seed's on/off switch. */
@Configuration(proxyBeanMethods = false)
class BackstageConfiguration {

	@Bean
	BackstageChannel backstageChannel(BackstageSettings settings, NotificationSettings notifications, SiteSettings.App app,
			SiteSettings.Backend backend, Clock clock) {
		return new BackstageChannel(settings, notifications.enabled(), app.baseUrl(), backend.baseUrl(), clock);
	}
}

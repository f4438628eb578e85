package org.skillexchange.channels.backstage;

import java.time.Clock;

import org.skillexchange.config.SiteSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the channel from its settings, the site's base URLs and the seed's on/off switch. */
@Configuration(proxyBeanMethods = false)
class BackstageConfiguration {

	@Bean
	BackstageChannel backstageChannel(BackstageSettings settings, SiteSettings.App app, SiteSettings.Backend backend,
			Environment environment, Clock clock) {
		// skillExchange.notifications.enabled belongs to the notifications module; the channel only reads the switch.
		boolean enabled = Binder.get(environment).bind("skill-exchange.notifications.enabled", Boolean.class).orElse(false);
		return new BackstageChannel(settings, enabled, app.baseUrl(), backend.baseUrl(), clock);
	}
}

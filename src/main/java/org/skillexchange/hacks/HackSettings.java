package org.skillexchange.hacks;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The keys of {@code skillExchange} hacks use: link path, digest schedule, who may clean up any post. */
@ConfigurationProperties("skill-exchange")
record HackSettings(@DefaultValue("hacks") String hacksPath, @Nullable String hackUpdateNotificationsCron,
		@DefaultValue Admin admin) {

	record Admin(@DefaultValue List<String> postCleanupAdmins) {
	}
}

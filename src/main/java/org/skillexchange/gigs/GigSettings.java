package org.skillexchange.gigs;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The keys of {@code skillExchange} gigs use: link paths (product parity) and who may clean up any post. */
@ConfigurationProperties("skill-exchange")
record GigSettings(@DefaultValue("embeds") String embedsPath, @DefaultValue("mentors") String mentorsPath,
		@DefaultValue Admin admin) {

	record Admin(@DefaultValue List<String> postCleanupAdmins) {
	}

	String path(GigType type) {
		return type == GigType.EMBED ? embedsPath : mentorsPath;
	}
}

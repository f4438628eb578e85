package org.skillexchange.members;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code skillExchange.members}: where people come from and how often the catalog is read again. */
@ConfigurationProperties("skill-exchange.members")
record MembersSettings(@DefaultValue("catalog") Source source, @Nullable Path file,
		@DefaultValue("1h") Duration refreshInterval) {

	enum Source {
		CATALOG, FILE
	}
}

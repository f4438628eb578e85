package org.skillexchange.channels.backstage;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code skillExchange.backstage}: the static token Backstage lists in its
 * {@code backend.auth.externalAccess}, and how long to wait for an answer.
 */
@ConfigurationProperties("skill-exchange.backstage")
record BackstageSettings(@Nullable String token, @DefaultValue("10s") Duration timeout) {

	boolean hasToken() {
		return token != null && !token.isBlank();
	}

	@Override
	public String toString() {
		return "BackstageSettings[token=" + (hasToken() ? "…(redacted)" : "none") + ", timeout=" + timeout + "]";
	}
}

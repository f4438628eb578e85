package org.skillexchange.channels.slack;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.skillexchange.config.Secrets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code skillExchange.slack}: the app's three credentials, where the Web API is (the simulator in
 * local trial), how interactions arrive, and how long to wait for Slack's answer.
 */
@ConfigurationProperties("skill-exchange.slack")
record SlackSettings(@Nullable String token, @Nullable String appToken, @Nullable String signingSecret,
		@DefaultValue("https://slack.com/api/") String apiUrl, @DefaultValue("socket") String mode,
		@DefaultValue("10s") Duration timeout) {

	SlackSettings {
		apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
	}

	boolean hasToken() {
		return token != null && !token.isBlank();
	}

	@Override
	public String toString() {
		return "SlackSettings[token=" + shown(token) + ", appToken=" + shown(appToken) + ", signingSecret=" + shown(signingSecret)
				+ ", apiUrl=" + apiUrl + ", mode=" + mode + ", timeout=" + timeout + "]";
	}

	private static String shown(@Nullable String secret) {
		return secret == null ? "none" : Secrets.redact(secret);
	}
}

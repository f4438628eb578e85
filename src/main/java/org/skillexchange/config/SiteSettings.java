package org.skillexchange.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the organisation's Backstage lives: {@code app.baseUrl} for links, {@code backend.baseUrl} for APIs. */
public final class SiteSettings {

	private SiteSettings() {
	}

	/** {@code app.baseUrl}: the Backstage frontend, where notification links point. */
	@ConfigurationProperties("app")
	public record App(@DefaultValue("http://localhost:3000") URI baseUrl) {
	}

	/** {@code backend.baseUrl}: the Backstage backend (notifications, catalog, JWKS). */
	@ConfigurationProperties("backend")
	public record Backend(@DefaultValue("http://localhost:7007") URI baseUrl) {
	}
}

package org.skillexchange.auth;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code skillExchange.auth}: static service tokens, as in Backstage's externalAccess, and the local-trial dev mode. */
@ConfigurationProperties("skill-exchange.auth")
record AuthSettings(@DefaultValue List<ExternalAccess> externalAccess, @DefaultValue DevMode devMode) {

	record ExternalAccess(String token, String subject) {

		@Override
		public String toString() {
			return "ExternalAccess[subject=" + subject + ", token=(redacted)]";
		}
	}

	/** Trusts an {@code X-Skill-Exchange-User} header, or acts as {@code defaultUser}; for local trial only. */
	record DevMode(@DefaultValue("false") boolean enabled, @Nullable String defaultUser) {
	}
}

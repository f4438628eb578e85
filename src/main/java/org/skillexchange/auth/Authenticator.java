package org.skillexchange.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.annotation.PostConstruct;
import jakarta.servlet.http.HttpServletRequest;
import org.skillexchange.entities.EntityRefs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Decides who is calling: a static service token, a Backstage user token, or (dev mode only) a header. */
@Component
class Authenticator {

	static final String DEV_USER_HEADER = "X-Skill-Exchange-User";

	private static final Logger log = LoggerFactory.getLogger(Authenticator.class);

	private final AuthSettings settings;

	private final BackstageTokenVerifier backstage;

	Authenticator(AuthSettings settings, BackstageTokenVerifier backstage) {
		this.settings = settings;
		this.backstage = backstage;
	}

	@PostConstruct
	void warnAboutDevMode() {
		if (settings.devMode().enabled()) {
			log.warn("*** DEV MODE: requests without a token are trusted as the user in the {} header (default {}). "
					+ "Never use skillExchange.auth.devMode in production. ***", DEV_USER_HEADER, settings.devMode().defaultUser());
		}
	}

	Caller authenticate(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return bearer(authorization.substring(7).trim());
		}
		if (settings.devMode().enabled()) {
			String user = request.getHeader(DEV_USER_HEADER);
			String ref = user != null && !user.isBlank() ? user : settings.devMode().defaultUser();
			if (ref != null) {
				try {
					return new Caller(EntityRefs.normalizeUser(ref), Caller.Kind.USER);
				}
				catch (IllegalArgumentException e) {
					throw new AuthenticationFailed(DEV_USER_HEADER + ": " + e.getMessage());
				}
			}
		}
		throw new AuthenticationFailed("missing credentials: send Authorization: Bearer <Backstage user token or service token>");
	}

	private Caller bearer(String token) {
		byte[] given = token.getBytes(StandardCharsets.UTF_8);
		for (AuthSettings.ExternalAccess access : settings.externalAccess()) {
			if (MessageDigest.isEqual(given, access.token().getBytes(StandardCharsets.UTF_8))) {
				return new Caller(access.subject(), Caller.Kind.SERVICE);
			}
		}
		if (token.chars().filter(c -> c == '.').count() == 2) {
			return backstage.verify(token);
		}
		throw new AuthenticationFailed("the bearer token is neither a configured service token nor a Backstage user token");
	}
}

package org.skillexchange.auth;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.skillexchange.config.SiteSettings;
import org.skillexchange.entities.EntityRefs;
import org.springframework.stereotype.Component;

/**
 * Verifies Backstage user tokens: signature against the backend's JWKS (cached, refreshed on an
 * unknown key id), expiry, and a {@code sub} that is a user entity ref.
 */
@Component
class BackstageTokenVerifier {

	private static final JOSEObjectType BACKSTAGE_USER = new JOSEObjectType("vnd.backstage.user");

	private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

	BackstageTokenVerifier(SiteSettings.Backend backend) {
		URI jwks = URI.create(backend.baseUrl().toString().replaceAll("/+$", "") + "/api/auth/.well-known/jwks.json");
		JWKSource<SecurityContext> keys;
		try {
			keys = JWKSourceBuilder.create(jwks.toURL()).retrying(true).build();
		}
		catch (MalformedURLException e) {
			throw new IllegalStateException("backend.baseUrl does not make a JWKS URL: " + jwks, e);
		}
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(BACKSTAGE_USER, JOSEObjectType.JWT, null));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
				Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.RS256, JWSAlgorithm.EdDSA), keys));
		processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, Set.of("sub", "exp")));
	}

	Caller verify(String token) {
		try {
			JWTClaimsSet claims = processor.process(token, null);
			String subject = EntityRefs.normalizeUser(claims.getSubject());
			return new Caller(subject, Caller.Kind.USER);
		}
		catch (ParseException | BadJOSEException e) {
			throw new AuthenticationFailed("the Backstage token was rejected: " + e.getMessage());
		}
		catch (JOSEException e) {
			throw new AuthenticationFailed("the Backstage token could not be checked (JWKS unreachable?): " + e.getMessage());
		}
		catch (IllegalArgumentException e) {
			throw new AuthenticationFailed("the Backstage token's subject is not a user: " + e.getMessage());
		}
	}
}

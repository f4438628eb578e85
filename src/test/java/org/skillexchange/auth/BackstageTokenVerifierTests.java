package org.skillexchange.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillexchange.config.SiteSettings;

/**
 * Token checks against a JWKS served the way Backstage's auth backend serves it. The real Backstage
 * harness issues tokens in the channel's integration tests; here forged and expired ones are made.
 */
class BackstageTokenVerifierTests {

	private static HttpServer jwksServer;

	private static ECKey backstageKey;

	private static BackstageTokenVerifier verifier;

	@BeforeAll
	static void serveJwks() throws Exception {
		backstageKey = new ECKeyGenerator(Curve.P_256).keyID("backstage-key-1").generate();
		byte[] jwks = new JWKSet(backstageKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		jwksServer.createContext("/api/auth/.well-known/jwks.json", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		jwksServer.start();
		verifier = new BackstageTokenVerifier(
				new SiteSettings.Backend(URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort())));
	}

	@AfterAll
	static void stop() {
		jwksServer.stop(0);
	}

	private static String token(ECKey key, String subject, Instant expires) throws Exception {
		var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
			.type(new JOSEObjectType("vnd.backstage.user"))
			.build(), new JWTClaimsSet.Builder().subject(subject).issuer("http://backstage").expirationTime(Date.from(expires)).build());
		jwt.sign(new ECDSASigner(key));
		return jwt.serialize();
	}

	@Test
	void acceptsAValidUserTokenAndTakesTheUserFromSub() throws Exception {
		Caller caller = verifier.verify(token(backstageKey, "user:default/jdoe", Instant.now().plusSeconds(3600)));

		assertThat(caller).isEqualTo(new Caller("user:default/jdoe", Caller.Kind.USER));
	}

	@Test
	void rejectsATokenSignedWithAnotherKey() throws Exception {
		ECKey forger = new ECKeyGenerator(Curve.P_256).keyID("backstage-key-1").generate();

		assertThatThrownBy(() -> verifier.verify(token(forger, "user:default/jdoe", Instant.now().plusSeconds(3600))))
			.isInstanceOf(AuthenticationFailed.class)
			.hasMessageContaining("rejected");
	}

	@Test
	void rejectsAnExpiredToken() throws Exception {
		assertThatThrownBy(() -> verifier.verify(token(backstageKey, "user:default/jdoe", Instant.now().minusSeconds(300))))
			.isInstanceOf(AuthenticationFailed.class)
			.hasMessageContaining("xpired");
	}

	@Test
	void rejectsATokenWhoseSubjectIsNotAUser() throws Exception {
		assertThatThrownBy(() -> verifier.verify(token(backstageKey, "component:default/x", Instant.now().plusSeconds(3600))))
			.isInstanceOf(AuthenticationFailed.class);
	}
}

package org.skillexchange.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.testsupport.BackstageHarness;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Real user tokens, issued by the real Backstage auth backend (its test-user provider), are accepted; altered ones are not. */
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "skill-exchange.notifications.delivery.workers=false", "skill-exchange.members.source=file",
				"skill-exchange.members.file=examples/org.yaml" })
class BackstageUserTokenTests {

	static final BackstageHarness backstage = BackstageHarness.shared();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
		registry.add("backend.base-url", () -> backstage.baseUrl().toString());
	}

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private HttpResponse<String> status(String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/skill-exchange/notifications/status"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aUserTokenFromBackstageIsAcceptedAsThatUser() throws Exception {
		var response = status(backstage.userToken("jdoe"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"unread\":0");
	}

	@Test
	void aTokenWithAlteredClaimsIsRejected() throws Exception {
		String[] parts = backstage.userToken("jdoe").split("\\.");
		String otherUsersClaims = backstage.userToken("alice").split("\\.")[1];

		var response = status(parts[0] + "." + otherUsersClaims + "." + parts[2]);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
	}

	@Test
	void aTokenWithoutASignatureIsRejected() throws Exception {
		String[] parts = backstage.userToken("jdoe").split("\\.");

		assertThat(status(parts[0] + "." + parts[1] + ".").statusCode()).isEqualTo(401);
	}
}

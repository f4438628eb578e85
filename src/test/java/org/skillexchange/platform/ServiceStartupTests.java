package org.skillexchange.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceStartupTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void healthIsUpWithTheDatabase() throws Exception {
		var response = get("/actuator/health");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"", "\"db\"");
	}

	@Test
	void prometheusMetricsAreServed() throws Exception {
		var response = get("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void everyResponseCarriesARequestIdAndKeepsASaneOneFromTheCaller() throws Exception {
		assertThat(get("/actuator/health").headers().firstValue("X-Request-Id")).isPresent();
		assertThat(get("/actuator/health", "X-Request-Id", "abc-123").headers().firstValue("X-Request-Id")).contains("abc-123");
		assertThat(get("/actuator/health", "X-Request-Id", "<script>alert(1)</script>").headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).doesNotContain("<"));
	}

	@Test
	void unknownPathsAnswerWithProblemDetails() throws Exception {
		var response = get("/api/skill-exchange/nothing-here");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
	}
}

package org.skillexchange.templates.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.spi.PlainTextRenderer.PlainText;
import org.skillexchange.templates.NotificationMessageBuilder;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = { SkillExchangeApplication.class, TemplatePreviewControllerTests.Builders.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "skill-exchange.notifications.templates[search.match].backstage.title=Match: {{postTitle}}",
				"skill-exchange.notifications.delivery.workers=false", "skill-exchange.auth.external-access[0].token=preview-token",
				"skill-exchange.auth.external-access[0].subject=docs-bot" })
class TemplatePreviewControllerTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Builders {

		@Bean
		NotificationMessageBuilder testMessage() {
			return new NotificationMessageBuilder() {
				@Override
				public NotificationType type() {
					return NotificationType.TEST;
				}

				@Override
				public PlainText backstage(Map<String, Object> data, PlainText rendered) {
					return new PlainText("Ping from ops", rendered.description());
				}
			};
		}
	}

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> get(String path) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer preview-token");
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.builder().build().readTree(response.body());
	}

	@Test
	void previewsTheSlackMessageAsBlockKitJson() throws Exception {
		var response = get("/api/skill-exchange/templates/gig.inquiry/preview?channel=slack&postType=mentorship");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.path("type").asString()).isEqualTo("gig.inquiry");
		assertThat(body.path("postType").asString()).isEqualTo("mentorship");
		assertThat(body.path("text").asString()).contains("is interested in your mentorship");
		assertThat(body.path("blocks").isArray()).isTrue();
		assertThat(body.path("blocks").get(2).path("elements").get(0).path("action_id").asString()).isEqualTo("gig_connection_accept");
	}

	@Test
	void previewsBackstageWithTheConfiguredOverride() throws Exception {
		JsonNode body = json(get("/api/skill-exchange/templates/search.match/preview"));

		assertThat(body.path("channel").asString()).isEqualTo("backstage");
		assertThat(body.path("title").asString()).isEqualTo("Match: Platform embed: observability");
		assertThat(body.path("description").asString()).startsWith("It's a match!");
		assertThat(body.path("variables").path("postTitle").asString()).isEqualTo("title of the post (hack name for hacks)");
	}

	@Test
	void previewsWhatABuilderBeanRenders() throws Exception {
		assertThat(json(get("/api/skill-exchange/templates/test/preview")).path("title").asString()).isEqualTo("Ping from ops");
	}

	@Test
	void anUnknownTypeIsANotFoundProblemNamingTheType() throws Exception {
		var response = get("/api/skill-exchange/templates/gig.inquiri/preview");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
		JsonNode problem = json(response);
		assertThat(problem.path("field").asString()).isEqualTo("type");
		assertThat(problem.path("value").asString()).isEqualTo("gig.inquiri");
		assertThat(problem.path("detail").asString()).startsWith("no notification type 'gig.inquiri'; known types: gig.inquiry,");
	}

	@Test
	void aCallerWithoutCredentialsIsTurnedAway() throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/skill-exchange/templates/test/preview"));

		assertThat(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
	}

	@Test
	void anUnknownChannelIsABadRequestNamingTheParameter() throws Exception {
		var response = get("/api/skill-exchange/templates/gig.inquiry/preview?channel=email");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("field").asString()).isEqualTo("channel");
	}
}

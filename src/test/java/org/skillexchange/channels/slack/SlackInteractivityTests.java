package org.skillexchange.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.slacksim.SimulatedUser;
import org.skillexchange.slacksim.SlackSimulator;
import org.skillexchange.testsupport.MutableClock;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Interactions reaching the service: Socket Mode through Bolt against the simulator, and the signed HTTP endpoint. */
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "skill-exchange.notifications.delivery.workers=false", "skill-exchange.slack.mode=socket" })
@Import(SlackInteractivityTests.Clocks.class)
class SlackInteractivityTests {

	static final SlackSimulator SIMULATOR = SlackSimulator.start(SlackSimulator.options());

	static final MutableClock CLOCK = new MutableClock(Instant.ofEpochSecond(Long.parseLong(SlackRequestVerifierTests.TIMESTAMP)));

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return CLOCK;
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		SIMULATOR.addUser(SimulatedUser.active("U0ADA", "ada@example.com", "ada"));
		TestDatabases.h2(registry);
		registry.add("skill-exchange.slack.token", () -> SlackSimulator.BOT_TOKEN);
		registry.add("skill-exchange.slack.app-token", () -> SlackSimulator.APP_TOKEN);
		registry.add("skill-exchange.slack.signing-secret", () -> SlackRequestVerifierTests.SECRET);
		registry.add("skill-exchange.slack.api-url", SIMULATOR::apiUrl);
	}

	@AfterAll
	static void stopSimulator() {
		SIMULATOR.close();
	}

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	/** Posts a message as the app and clicks its button as Ada. */
	private String clickOnAMessage() {
		String dm = SIMULATOR.dmWith("U0ADA");
		try (var slack = com.slack.api.Slack.getInstance(config())) {
			String ts = slack.methods(SlackSimulator.BOT_TOKEN).chatPostMessage(r -> r.channel(dm).text("a question")).getTs();
			return SIMULATOR.clickButton(new SlackSimulator.ButtonClick("U0ADA", dm, ts, "accept", "connection-1"));
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	private static com.slack.api.SlackConfig config() {
		var config = new com.slack.api.SlackConfig();
		config.setMethodsEndpointUrlPrefix(SIMULATOR.apiUrl());
		config.setProxyUrl(null);
		config.setStatsEnabled(false);
		return config;
	}

	@Test
	void socketModeConnectsAcksClicksAndReconnectsAfterADisconnect() {
		await().atMost(Duration.ofSeconds(30)).until(() -> SIMULATOR.openSocketConnections() == 1);
		String first = clickOnAMessage();
		await().until(() -> SIMULATOR.acks().stream().anyMatch(ack -> ack.envelopeId().equals(first)));
		int opened = SIMULATOR.socketConnectionsOpened();

		SIMULATOR.disconnectSockets("refresh_requested");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> SIMULATOR.socketConnectionsOpened() > opened && SIMULATOR.openSocketConnections() == 1);
		String next = clickOnAMessage();
		await().until(() -> SIMULATOR.acks().stream().anyMatch(ack -> ack.envelopeId().equals(next)));
		assertThat(SIMULATOR.requests("auth.test")).isNotEmpty()
			.allSatisfy(request -> assertThat(request.token()).isEqualTo(SlackSimulator.BOT_TOKEN));
	}

	@Test
	void healthShowsTheSocketModeLinkConnected() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			var component = tools.jackson.databind.json.JsonMapper.builder().build().readTree(health.body())
				.path("components").path("slackSocketMode");
			assertThat(component.path("status").asString()).isEqualTo("UP");
			assertThat(component.path("details").path("state").asString()).isEqualTo("connected");
		});
	}

	private HttpResponse<String> postEvent(String timestamp, String body, String signature) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/skill-exchange/slack/events"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", timestamp)
			.header("X-Slack-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theHttpEndpointAcceptsOnlyFreshCorrectlySignedRequests() throws Exception {
		CLOCK.set(Instant.ofEpochSecond(Long.parseLong(SlackRequestVerifierTests.TIMESTAMP)));
		assertThat(postEvent(SlackRequestVerifierTests.TIMESTAMP, SlackRequestVerifierTests.BODY, SlackRequestVerifierTests.SIGNATURE)
			.statusCode()).isEqualTo(200);

		var forged = postEvent(SlackRequestVerifierTests.TIMESTAMP, SlackRequestVerifierTests.BODY.replace("roadrunner", "coyote"),
				SlackRequestVerifierTests.SIGNATURE);
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));

		CLOCK.advance(Duration.ofSeconds(301));
		assertThat(postEvent(SlackRequestVerifierTests.TIMESTAMP, SlackRequestVerifierTests.BODY, SlackRequestVerifierTests.SIGNATURE)
			.statusCode()).isEqualTo(401);
	}
}

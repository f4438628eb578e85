package org.skillexchange.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.slack.api.Slack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillexchange.slacksim.SlackSimulator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The "slackSocketMode" health component follows the real Socket Mode link to the simulator. */
class SlackSocketModeHealthTests {

	SlackSimulator simulator;

	SlackSocketMode socketMode;

	Slack slack;

	@BeforeEach
	void startSimulator() {
		simulator = SlackSimulator.start(SlackSimulator.options());
	}

	@AfterEach
	void stop() throws Exception {
		if (socketMode != null) {
			socketMode.stop();
		}
		if (slack != null) {
			slack.close();
		}
		simulator.close();
	}

	@Test
	void connectedLinkIsUpAndADroppedOneIsReconnecting() {
		start("socket");

		await().atMost(Duration.ofSeconds(30)).until(() -> health().getStatus().equals(Status.UP)
				&& "connected".equals(health().getDetails().get("state")));

		simulator.close();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(health().getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health().getDetails()).containsEntry("state", "reconnecting");
		});
	}

	@Test
	void socketModeOffInTheAppIsDownWithTheFix() {
		simulator.socketModeEnabled(false);

		start("socket");

		assertThat(health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(health().getDetails()).containsEntry("state", "off");
		assertThat(String.valueOf(health().getDetails().get("reason"))).startsWith("Socket Mode did not start")
			.contains("check that Socket Mode is enabled in the app settings")
			.doesNotContain(SlackSimulator.APP_TOKEN);
	}

	@Test
	void httpModeIsOffWithoutBeingAProblem() {
		start("http");

		assertThat(health().getStatus()).isEqualTo(Status.UP);
		assertThat(health().getDetails()).containsEntry("state", "off")
			.containsEntry("reason", "skillExchange.slack.mode is http: interactions arrive over HTTP");
	}

	private void start(String mode) {
		var settings = new SlackSettings(SlackSimulator.BOT_TOKEN, SlackSimulator.APP_TOKEN, "signing-secret", simulator.apiUrl(), mode,
				Duration.ofSeconds(5));
		slack = SlackConfiguration.client(settings);
		socketMode = new SlackSocketMode(settings, slack);
		socketMode.start();
	}

	private Health health() {
		return new SlackSocketModeHealthIndicator(socketMode).health(true);
	}
}

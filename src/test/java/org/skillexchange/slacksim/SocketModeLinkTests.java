package org.skillexchange.slacksim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.request.InteractiveEnvelope;
import com.slack.api.socket_mode.response.AckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Socket Mode against the SDK's own client (Java-WebSocket backend) and a bare client that never acks. */
class SocketModeLinkTests {

	private SlackSimulator simulator;

	private Slack slack;

	private String messageTs;

	private String dm;

	@BeforeEach
	void start() throws Exception {
		simulator = SlackSimulator.start(SlackSimulator.options().ackTimeout(Duration.ofMillis(300)));
		simulator.addUser(SimulatedUser.active("U0ADA", "ada@example.com", "ada"));
		var config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(simulator.apiUrl());
		config.setProxyUrl(null);
		config.setStatsEnabled(false);
		slack = Slack.getInstance(config);
		dm = simulator.dmWith("U0ADA");
		messageTs = slack.methods(SlackSimulator.BOT_TOKEN).chatPostMessage(r -> r.channel(dm).text("a question")).getTs();
	}

	@AfterEach
	void stop() throws Exception {
		slack.close();
		simulator.close();
	}

	private SlackSimulator.ButtonClick click() {
		return new SlackSimulator.ButtonClick("U0ADA", dm, messageTs, "accept", "c-1");
	}

	@Test
	void theSdkClientConnectsReceivesAClickAndItsAckIsRecorded() throws Exception {
		List<InteractiveEnvelope> received = new CopyOnWriteArrayList<>();
		try (SocketModeClient client = slack.socketMode(SlackSimulator.APP_TOKEN, SocketModeClient.Backend.JavaWebSocket)) {
			client.addInteractiveEnvelopeListener(envelope -> {
				received.add(envelope);
				client.sendSocketModeResponse(new AckResponse(envelope.getEnvelopeId()));
			});
			client.connect();
			await().until(() -> simulator.openSocketConnections() == 1);

			String envelopeId = simulator.clickButton(click());

			await().until(() -> simulator.acks().stream().anyMatch(ack -> ack.envelopeId().equals(envelopeId)));
			assertThat(received).singleElement().satisfies(envelope -> {
				assertThat(envelope.getRetryAttempt()).isZero();
				assertThat(envelope.getPayload().getAsJsonObject().get("type").getAsString()).isEqualTo("block_actions");
			});
		}
	}

	@Test
	void anEnvelopeThatIsNotAckedIsSentAgainWithAHigherRetryAttempt() throws Exception {
		var socket = new RawSocketClient(URI.create(slack.methods(SlackSimulator.APP_TOKEN).appsConnectionsOpen(r -> r).getUrl()));
		socket.connectBlocking();
		try {
			assertThat(socket.awaitFrame(frame -> frame.has("type")).get("type").getAsString()).isEqualTo("hello");
			String envelopeId = simulator.clickButton(click());

			JsonObject first = socket.awaitEnvelope();
			JsonObject again = socket.awaitEnvelope();

			assertThat(first.get("envelope_id").getAsString()).isEqualTo(envelopeId);
			assertThat(first.get("retry_attempt").getAsInt()).isZero();
			assertThat(again.get("envelope_id").getAsString()).isEqualTo(envelopeId);
			assertThat(again.get("retry_attempt").getAsInt()).isEqualTo(1);
			assertThat(again.get("retry_reason").getAsString()).isEqualTo("timeout");
		}
		finally {
			socket.closeBlocking();
		}
	}

	@Test
	void aTicketOpensOneConnectionOnly() throws Exception {
		URI url = URI.create(slack.methods(SlackSimulator.APP_TOKEN).appsConnectionsOpen(r -> r).getUrl());
		var first = new RawSocketClient(url);
		var second = new RawSocketClient(url);
		first.connectBlocking();
		second.connectBlocking();
		try {
			await().until(second::isClosed);
			assertThat(first.isOpen()).isTrue();
			assertThat(simulator.openSocketConnections()).isEqualTo(1);
		}
		finally {
			first.closeBlocking();
		}
	}

	@Test
	void theSdkClientReconnectsAfterADisconnectAndGetsTheNextClick() throws Exception {
		List<InteractiveEnvelope> received = new CopyOnWriteArrayList<>();
		try (SocketModeClient client = slack.socketMode(SlackSimulator.APP_TOKEN, SocketModeClient.Backend.JavaWebSocket)) {
			client.addInteractiveEnvelopeListener(envelope -> {
				received.add(envelope);
				client.sendSocketModeResponse(new AckResponse(envelope.getEnvelopeId()));
			});
			client.connect();
			await().until(() -> simulator.openSocketConnections() == 1);
			int opened = simulator.socketConnectionsOpened();

			simulator.disconnectSockets("refresh_requested");

			await().until(() -> simulator.socketConnectionsOpened() > opened && simulator.openSocketConnections() == 1);
			String envelopeId = simulator.clickButton(click());
			await().until(() -> simulator.acks().stream().anyMatch(ack -> ack.envelopeId().equals(envelopeId)));
			assertThat(received).hasSize(1);
		}
	}
}

package org.skillexchange.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.gigs.Connection;
import org.skillexchange.gigs.ConnectionStatus;
import org.skillexchange.gigs.EmbedDetails;
import org.skillexchange.gigs.Gig;
import org.skillexchange.gigs.GigDraft;
import org.skillexchange.gigs.GigType;
import org.skillexchange.gigs.Gigs;
import org.skillexchange.hacks.Hack;
import org.skillexchange.hacks.HackDraft;
import org.skillexchange.hacks.Hacks;
import org.skillexchange.notifications.Deliveries;
import org.skillexchange.slacksim.SimulatedMessage;
import org.skillexchange.slacksim.SimulatedUser;
import org.skillexchange.slacksim.SlackSimulator;
import org.skillexchange.testsupport.MutableClock;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Button clicks end to end: a gig inquiry delivered as a Slack DM through the simulator, its buttons
 * clicked over Socket Mode (Bolt) or posted to the signed HTTP endpoint, on PostgreSQL.
 */
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "skill-exchange.notifications.delivery.workers=false", "skill-exchange.slack.mode=socket",
				"skill-exchange.members.source=file" })
@Import(SlackInteractivityTests.Clocks.class)
class SlackInteractivityTests {

	static final MutableClock CLOCK = MutableClock.startingAt("2026-12-04T10:00:00Z");

	static final SlackSimulator SIMULATOR = SlackSimulator.start(SlackSimulator.options().clock(CLOCK));

	private static final String GRACE = "user:default/grace";

	private static final String ADA = "user:default/ada";

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
		SIMULATOR.addUser(SimulatedUser.active("U0GRACE", "grace.hopper@example.com", "grace"));
		SIMULATOR.addUser(SimulatedUser.active("U0LINUS", "linus@example.com", "linus"));
		TestDatabases.postgres(registry, "buttons_interactivity");
		registry.add("skill-exchange.slack.token", () -> SlackSimulator.BOT_TOKEN);
		registry.add("skill-exchange.slack.app-token", () -> SlackSimulator.APP_TOKEN);
		registry.add("skill-exchange.slack.signing-secret", () -> SlackRequestVerifierTests.SECRET);
		registry.add("skill-exchange.slack.api-url", SIMULATOR::apiUrl);
		registry.add("skill-exchange.members.file",
				() -> Path.of("src/test/resources/channels/slack/members.yaml").toAbsolutePath().toString());
	}

	@AfterAll
	static void stopSimulator() {
		SIMULATOR.close();
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	Gigs gigs;

	@Autowired
	Hacks hacks;

	@Autowired
	Deliveries deliveries;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	/** A posted inquiry in Grace's Slack DM: Ada is interested in Grace's gig. */
	private record Inquiry(Gig gig, Connection connection, SimulatedMessage message) {
	}

	@BeforeEach
	void pastRateLimitWindows() {
		CLOCK.advance(Duration.ofMinutes(5));
		await().atMost(Duration.ofSeconds(30)).until(() -> SIMULATOR.openSocketConnections() == 1);
	}

	private Inquiry inquiry(String title) {
		Gig gig = gigs.create(GRACE, new GigDraft(GigType.EMBED, title, null, "Two sprints", List.of("java"), "Remote", List.of(),
				GRACE, List.of(), new EmbedDetails(EmbedDetails.LevelOfExpertise.INTERMEDIATE, LocalDate.parse("2027-01-11"), true,
						new EmbedDetails.Length(6, EmbedDetails.Unit.WEEKS), false, "payments", "urgent"),
				null));
		Connection connection = gigs.connect(ADA, gig.id(), "I <!channel> know payments");
		// Our own per-channel and workspace rate limits run on the test clock: step it until the DM is out.
		await().until(() -> {
			CLOCK.advance(Duration.ofSeconds(2));
			deliveries.deliverDue();
			return inquiryDm(connection).isPresent();
		});
		SimulatedMessage message = inquiryDm(connection).orElseThrow();
		return new Inquiry(gig, connection, message);
	}

	private static Optional<SimulatedMessage> inquiryDm(Connection connection) {
		return dmWithButton(connection.id().toString());
	}

	/** Grace's DM whose buttons carry this value. */
	private static Optional<SimulatedMessage> dmWithButton(String value) {
		return SIMULATOR.messages(SIMULATOR.dmWith("U0GRACE"))
			.stream()
			.filter(m -> m.blocksJson() != null && m.blocksJson().contains(value))
			.findFirst();
	}

	private static SlackSimulator.ButtonClick click(String userId, Inquiry inquiry, String actionId) {
		return new SlackSimulator.ButtonClick(userId, inquiry.message().channel(), inquiry.message().ts(), actionId,
				inquiry.connection().id().toString());
	}

	private ConnectionStatus statusOf(Inquiry inquiry) {
		return gigs.connections(GRACE, inquiry.gig().id())
			.stream()
			.filter(c -> c.id().equals(inquiry.connection().id()))
			.findFirst()
			.orElseThrow()
			.status();
	}

	private int recorded(String type, String recipient, Inquiry inquiry) {
		return jdbc.sql("select count(*) from notification n join inbox_entry e on e.notification_id = n.id"
				+ " where n.type = ? and e.recipient = ? and n.title = ?")
			.params(type, recipient, inquiry.gig().title())
			.query(Integer.class)
			.single();
	}

	private static List<String> updatesOf(Inquiry inquiry) {
		return SIMULATOR.requests("chat.update")
			.stream()
			.filter(request -> inquiry.message().ts().equals(request.params().get("ts")) && request.error() == null)
			.map(request -> request.params().get("text"))
			.toList();
	}

	@Test
	void aClickByTheContactAcceptsTheConnectionUpdatesTheMessageAndNotifiesTheParticipant() {
		Inquiry inquiry = inquiry("Help the payments team");

		SIMULATOR.clickButton(click("U0GRACE", inquiry, "gig_connection_accept"));

		await().until(() -> !updatesOf(inquiry).isEmpty());
		assertThat(updatesOf(inquiry)).containsExactly("Added by Grace Hopper on 2026-12-04");
		assertThat(statusOf(inquiry)).isEqualTo(ConnectionStatus.ACCEPTED);
		assertThat(recorded("gig.participant.added", ADA, inquiry)).isEqualTo(1);
		SimulatedMessage updated = SIMULATOR.messages(inquiry.message().channel())
			.stream()
			.filter(m -> m.ts().equals(inquiry.message().ts()))
			.findFirst()
			.orElseThrow();
		assertThat(updated.blocksJson()).doesNotContain("gig_connection_accept").contains("Added by Grace Hopper");
	}

	@Test
	void aClickBySomeoneElseChangesNothingAndTellsThemOnlyOwnersOrTheContactMay() {
		Inquiry inquiry = inquiry("Review the ledger");
		int ephemeralsBefore = SIMULATOR.responseUrlPosts().size();

		SIMULATOR.clickButton(click("U0LINUS", inquiry, "gig_connection_decline"));

		await().until(() -> SIMULATOR.responseUrlPosts().size() > ephemeralsBefore);
		assertThat(SIMULATOR.responseUrlPosts().get(ephemeralsBefore)).contains("\"response_type\":\"ephemeral\"")
			.contains("You are not allowed to decline requests on this post (only the post's owners or contact can)");
		assertThat(statusOf(inquiry)).isEqualTo(ConnectionStatus.CONNECTED);
		assertThat(updatesOf(inquiry)).isEmpty();
		assertThat(recorded("gig.participant.declined", ADA, inquiry)).isZero();
		// Linus has no slack.com/user_id annotation: found by the email users.info gives.
		assertThat(SIMULATOR.requests("users.info")).anySatisfy(request -> assertThat(request.params()).containsEntry("user", "U0LINUS"));
	}

	@Test
	void aDoubleClickAndARedeliveredEnvelopeChangeNothingTwice() {
		Inquiry inquiry = inquiry("Pair on the fraud rules");
		int ephemeralsBefore = SIMULATOR.responseUrlPosts().size();

		String envelope = SIMULATOR.clickButton(click("U0GRACE", inquiry, "gig_connection_accept"));
		SIMULATOR.clickButton(click("U0GRACE", inquiry, "gig_connection_decline"));
		SIMULATOR.redeliver(envelope);
		await().until(() -> SIMULATOR.acks().stream().filter(ack -> ack.envelopeId().equals(envelope)).count() == 2);
		SIMULATOR.clickButton(click("U0GRACE", inquiry, "gig_connection_accept"));

		// Clicks are handled in the order they were acked: once the last one has answered, the redelivery is done too.
		await().until(() -> SIMULATOR.responseUrlPosts().size() == ephemeralsBefore + 2);
		assertThat(SIMULATOR.responseUrlPosts().subList(ephemeralsBefore, ephemeralsBefore + 2))
			.allSatisfy(post -> assertThat(post).contains("Already done by Grace Hopper; nothing changed."));
		assertThat(statusOf(inquiry)).isEqualTo(ConnectionStatus.ACCEPTED);
		assertThat(updatesOf(inquiry)).containsExactly("Added by Grace Hopper on 2026-12-04");
		assertThat(recorded("gig.participant.added", ADA, inquiry)).isEqualTo(1);
		assertThat(recorded("gig.participant.declined", ADA, inquiry)).isZero();
	}

	@Test
	void aTeamMemberAddsTheRequesterToTheHack() {
		Hack hack = hacks.create(GRACE, new HackDraft("Slack bot", null, "Build it", null, List.of(GRACE), null, List.of(), List.of(),
				null, null, List.of(), null));
		hacks.inquire(ADA, hack.id(), "Count me in");
		await().until(() -> {
			CLOCK.advance(Duration.ofSeconds(2));
			deliveries.deliverDue();
			return dmWithButton(hack.id().toString()).isPresent();
		});
		SimulatedMessage message = dmWithButton(hack.id().toString()).orElseThrow();

		SIMULATOR.clickButton(new SlackSimulator.ButtonClick("U0GRACE", message.channel(), message.ts(), "hack_member_add",
				hack.id() + "|" + ADA));

		await().until(() -> hacks.get(hack.id()).members().contains(ADA));
		await().until(() -> SIMULATOR.requests("chat.update")
			.stream()
			.anyMatch(request -> message.ts().equals(request.params().get("ts"))
					&& "Added by Grace Hopper on 2026-12-04".equals(request.params().get("text"))));
	}

	@Test
	void aSocketDisconnectReconnectsAndTheNextClickIsHandled() {
		int opened = SIMULATOR.socketConnectionsOpened();

		SIMULATOR.disconnectSockets("refresh_requested");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> SIMULATOR.socketConnectionsOpened() > opened && SIMULATOR.openSocketConnections() == 1);
		Inquiry inquiry = inquiry("Teach SQL window functions");
		SIMULATOR.clickButton(click("U0GRACE", inquiry, "gig_connection_accept"));
		await().until(() -> statusOf(inquiry) == ConnectionStatus.ACCEPTED);
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

	private HttpResponse<String> postClick(String payloadJson, long timestamp, String secret) throws Exception {
		String body = "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8);
		String ts = Long.toString(timestamp);
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/skill-exchange/slack/events"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Slack-Request-Timestamp", ts)
			.header("X-Slack-Signature", new SlackSignature.Generator(secret).generate(ts, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theHttpEndpointActsOnlyOnFreshCorrectlySignedClicks() throws Exception {
		Inquiry inquiry = inquiry("Mentor a new joiner");
		String payload = SIMULATOR.blockActionsPayload(click("U0GRACE", inquiry, "gig_connection_accept"));
		long now = CLOCK.instant().getEpochSecond();

		var forged = postClick(payload, now, "not-the-signing-secret");
		var stale = postClick(payload, now - 301, SlackRequestVerifierTests.SECRET);

		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
		assertThat(stale.statusCode()).isEqualTo(401);
		assertThat(statusOf(inquiry)).isEqualTo(ConnectionStatus.CONNECTED);

		assertThat(postClick(payload, now, SlackRequestVerifierTests.SECRET).statusCode()).isEqualTo(200);
		await().until(() -> statusOf(inquiry) == ConnectionStatus.ACCEPTED);
		await().until(() -> updatesOf(inquiry).contains("Added by Grace Hopper on 2026-12-04"));
	}

	@Test
	void theHttpEndpointStillAnswersSlacksUrlCheckOnlyWhenSigned() throws Exception {
		String body = "{\"type\":\"url_verification\",\"challenge\":\"c-" + UUID.randomUUID() + "\"}";
		String ts = Long.toString(CLOCK.instant().getEpochSecond());
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/skill-exchange/slack/events"))
			.header("Content-Type", "application/json")
			.header("X-Slack-Request-Timestamp", ts)
			.header("X-Slack-Signature", new SlackSignature.Generator(SlackRequestVerifierTests.SECRET).generate(ts, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"challenge\":\"c-");
	}
}

package org.skillexchange.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.notifications.Deliveries;
import org.skillexchange.notifications.DeliveryStatus;
import org.skillexchange.notifications.DeliveryView;
import org.skillexchange.notifications.NotificationRequest;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.Notifications;
import org.skillexchange.notifications.Severity;
import org.skillexchange.notifications.spi.DeliveryOutcome;
import org.skillexchange.notifications.spi.DeliveryRequest;
import org.skillexchange.notifications.spi.NotificationContent;
import org.skillexchange.slacksim.Fault;
import org.skillexchange.slacksim.RecordedRequest;
import org.skillexchange.slacksim.SimulatedMessage;
import org.skillexchange.slacksim.SimulatedToken;
import org.skillexchange.slacksim.SimulatedUser;
import org.skillexchange.slacksim.SlackSimulator;
import org.skillexchange.testsupport.MutableClock;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Slack channel end to end: the official SDK against the simulator, on PostgreSQL, with the clock in the test's hand. */
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "skill-exchange.notifications.delivery.workers=false")
@Import(SlackChannelTestConfiguration.class)
class SlackChannelTests {

	static final MutableClock CLOCK = MutableClock.startingAt("2026-12-01T10:00:00Z");

	static final SlackSimulator SIMULATOR = SlackSimulator.start(SlackSimulator.options().clock(CLOCK));

	private static final List<String> SCOPES_WITH_HISTORY = List.of("users:read", "users:read.email", "im:write", "chat:write",
			"chat:write.public", "im:history");

	static {
		SIMULATOR.addUser(SimulatedUser.active("U0ADA", "ada@example.com", "ada"));
		SIMULATOR.addUser(SimulatedUser.active("U0GRACE", "grace.hopper@example.com", "grace"));
		SIMULATOR.addUser(SimulatedUser.active("U0LINUS", "linus@example.com", "linus"));
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry, "slack_channel");
		registry.add("skill-exchange.slack.token", () -> SlackSimulator.BOT_TOKEN);
		registry.add("skill-exchange.slack.api-url", SIMULATOR::apiUrl);
		registry.add("skill-exchange.slack.timeout", () -> "1s");
		registry.add("skill-exchange.members.source", () -> "file");
		registry.add("skill-exchange.members.file",
				() -> Path.of("src/test/resources/channels/slack/members.yaml").toAbsolutePath().toString());
	}

	@AfterAll
	static void stopSimulator() {
		SIMULATOR.close();
	}

	@Autowired
	SlackChannel channel;

	@Autowired
	Notifications notifications;

	@Autowired
	Deliveries deliveries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void freshState() {
		// Past every rate-limit window, ours and the simulator's.
		CLOCK.advance(Duration.ofMinutes(5));
		for (String table : List.of("slack_user_cache", "slack_dm_cache", "slack_post_attempt")) {
			jdbc.sql("delete from " + table).update();
		}
		SIMULATOR.addToken(new SimulatedToken(SlackSimulator.BOT_TOKEN, SimulatedToken.Kind.BOT, SCOPES_WITH_HISTORY));
		SIMULATOR.appInstalled(true);
		SIMULATOR.clearRequests();
	}

	private static NotificationContent content(String title) {
		return new NotificationContent(UUID.randomUUID(), NotificationType.CUSTOM, null, "user:default/alice", title,
				"Alice is interested", "http://localhost:3000/skill-exchange", Severity.NORMAL, "Skill Exchange", null, Map.of(),
				"skill-exchange", Instant.parse("2026-12-01T10:00:00Z"));
	}

	private static DeliveryRequest delivery(String recipient, String title) {
		return new DeliveryRequest(UUID.randomUUID(), recipient, 1, content(title));
	}

	private static List<SimulatedMessage> messagesOf(UUID deliveryId) {
		return SIMULATOR.allMessages().stream().filter(m -> String.valueOf(m.metadataJson()).contains(deliveryId.toString())).toList();
	}

	private static List<String> methodsCalled() {
		return SIMULATOR.requests().stream().map(RecordedRequest::method).toList();
	}

	@Test
	void aDmArrivesWithBlocksFallbackTextAndTheDeliveryIdInItsMetadata() {
		UUID notification = notifications.record(NotificationRequest.of(NotificationType.CUSTOM)
			.to("user:default/ada")
			.actor("user:default/alice")
			.title("Learn <Kotlin> & <!channel>")
			.description("Alice is interested in your post")
			.build()).orElseThrow();

		deliveries.deliverDue();

		DeliveryView slack = deliveries.forNotification(notification).stream().filter(d -> d.channel().equals("slack")).findFirst()
			.orElseThrow();
		String dm = SIMULATOR.dmWith("U0ADA");
		SimulatedMessage message = messagesOf(slack.id()).get(0);
		assertThat(slack.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(slack.reference()).isEqualTo(dm + "/" + message.ts());
		assertThat(message.text()).isEqualTo("Learn &lt;Kotlin&gt; &amp; &lt;!channel&gt;: Alice is interested in your post");
		assertThat(message.blocksJson()).contains("\"type\":\"section\"", "*Learn &lt;Kotlin&gt; &amp; &lt;!channel&gt;*");
		assertThat(message.metadataJson()).isEqualTo(
				"{\"event_type\":\"skill_exchange_delivery\",\"event_payload\":{\"delivery_id\":\"" + slack.id() + "\"}}");
		assertThat(methodsCalled()).containsExactly("users.lookupByEmail", "conversations.open", "chat.postMessage");
	}

	@Test
	void theSecondDmToTheSamePersonCostsOneApiCall() {
		assertThat(channel.deliver(delivery("user:default/ada", "first"))).isInstanceOf(DeliveryOutcome.Delivered.class);
		CLOCK.advance(Duration.ofSeconds(2));
		SIMULATOR.clearRequests();

		assertThat(channel.deliver(delivery("user:default/ada", "second"))).isInstanceOf(DeliveryOutcome.Delivered.class);

		assertThat(methodsCalled()).containsExactly("chat.postMessage");
		assertThat(SIMULATOR.requests().get(0).params()).containsEntry("channel", SIMULATOR.dmWith("U0ADA"));
	}

	@Test
	void aMemberWithASlackUserIdAnnotationIsNotLookedUpByEmail() {
		assertThat(channel.deliver(delivery("user:default/grace", "hello"))).isInstanceOf(DeliveryOutcome.Delivered.class);

		assertThat(methodsCalled()).containsExactly("conversations.open", "chat.postMessage");
	}

	@Test
	void aRateLimitStormDelaysButLosesNothingAndNoRequestGoesOutBeforeRetryAfter() {
		SIMULATOR.inject("chat.postMessage", new Fault.RateLimited(5), 3);
		DeliveryRequest request = delivery("user:default/ada", "through the storm");
		var outcomes = new ArrayList<DeliveryOutcome>();

		DeliveryOutcome outcome = channel.deliver(request);
		while (outcome instanceof DeliveryOutcome.RetryLater later) {
			outcomes.add(outcome);
			int before = SIMULATOR.requests("chat.postMessage").size();
			assertThat(channel.deliver(request)).isInstanceOf(DeliveryOutcome.Deferred.class);
			assertThat(SIMULATOR.requests("chat.postMessage")).hasSize(before);
			CLOCK.advance(later.retryAfter());
			outcome = channel.deliver(request);
		}

		assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
		assertThat(outcomes).hasSize(3).allSatisfy(o -> assertThat(((DeliveryOutcome.RetryLater) o).retryAfter()).isEqualTo(Duration.ofSeconds(5)));
		List<RecordedRequest> posts = SIMULATOR.requests("chat.postMessage");
		assertThat(posts).extracting(RecordedRequest::status).containsExactly(429, 429, 429, 200);
		for (int i = 1; i < posts.size(); i++) {
			assertThat(posts.get(i).at()).isAfterOrEqualTo(posts.get(i - 1).at().plusSeconds(5));
		}
		assertThat(messagesOf(request.deliveryId())).singleElement()
			.satisfies(message -> assertThat(message.channel()).isEqualTo(SIMULATOR.dmWith("U0ADA")));
	}

	@Test
	void aPostHeldUpAfterOurLimiterLetItThroughWaitsOutA429ThatCameBackMeanwhile() throws Exception {
		assertThat(channel.deliver(delivery("user:default/ada", "warm up"))).isInstanceOf(DeliveryOutcome.Delivered.class);
		assertThat(channel.deliver(delivery("user:default/grace", "warm up"))).isInstanceOf(DeliveryOutcome.Delivered.class);
		CLOCK.advance(Duration.ofSeconds(2));
		SIMULATOR.clearRequests();
		DeliveryRequest held = delivery("user:default/ada", "held up");
		CompletableFuture<DeliveryOutcome> heldOutcome;
		// An uncommitted row with the same delivery id holds the post's start record (a database round trip) until rollback.
		try (Connection blocker = dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			try (var insert = blocker.prepareStatement(
					"insert into slack_post_attempt (channel_id, started_at, delivery_id) values ('D0HOLD', now(), ?)")) {
				insert.setObject(1, held.deliveryId());
				insert.executeUpdate();
			}
			heldOutcome = CompletableFuture.supplyAsync(() -> channel.deliver(held));
			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from pg_stat_activity where "
					+ "wait_event_type = 'Lock' and query like 'insert into slack_post_attempt%'").query(Long.class).single() > 0);
			SIMULATOR.inject("chat.postMessage", new Fault.RateLimited(5), 1);
			assertThat(channel.deliver(delivery("user:default/grace", "gets the 429"))).isInstanceOf(DeliveryOutcome.RetryLater.class);
			blocker.rollback();
		}

		assertThat(heldOutcome.get(20, TimeUnit.SECONDS)).isInstanceOfSatisfying(DeliveryOutcome.Deferred.class,
				deferred -> assertThat(deferred.waitFor()).isEqualTo(Duration.ofSeconds(5)));
		assertThat(SIMULATOR.requests("chat.postMessage")).extracting(RecordedRequest::status).containsExactly(429);
		assertThat(jdbc.sql("select count(*) from slack_post_attempt").query(Long.class).single()).isZero();
	}

	@Test
	void aTimedOutPostIsFoundInTheHistoryInsteadOfBeingPostedTwice() {
		SIMULATOR.inject("chat.postMessage", new Fault.SlowAnswer(Duration.ofSeconds(3)), 1);
		DeliveryRequest request = delivery("user:default/ada", "did it arrive?");

		DeliveryOutcome first = channel.deliver(request);
		CLOCK.advance(Duration.ofSeconds(30));
		DeliveryOutcome second = channel.deliver(request);

		String dm = SIMULATOR.dmWith("U0ADA");
		assertThat(first).isInstanceOf(DeliveryOutcome.RetryLater.class);
		assertThat(messagesOf(request.deliveryId())).hasSize(1);
		assertThat(second).isEqualTo(new DeliveryOutcome.Delivered(dm + "/" + messagesOf(request.deliveryId()).get(0).ts()));
		assertThat(SIMULATOR.requests("chat.postMessage")).hasSize(1);
		assertThat(SIMULATOR.requests("conversations.history")).singleElement()
			.satisfies(history -> assertThat(history.params()).containsEntry("include_all_metadata", "1"));
	}

	@Test
	void aPostWhoseConnectionBrokeAfterSlackPostedItIsFoundInTheHistoryInsteadOfBeingResent() {
		// A first DM leaves a pooled connection: on a reused connection OkHttp would resend the broken post by itself.
		assertThat(channel.deliver(delivery("user:default/ada", "first"))).isInstanceOf(DeliveryOutcome.Delivered.class);
		SIMULATOR.inject("chat.postMessage", new Fault.DropAfterWork(), 1);
		DeliveryRequest request = delivery("user:default/ada", "did it arrive?");
		CLOCK.advance(Duration.ofSeconds(2));

		DeliveryOutcome first = channel.deliver(request);
		CLOCK.advance(Duration.ofSeconds(30));
		DeliveryOutcome second = channel.deliver(request);

		assertThat(first).isInstanceOf(DeliveryOutcome.RetryLater.class);
		assertThat(messagesOf(request.deliveryId())).hasSize(1);
		assertThat(second).isEqualTo(new DeliveryOutcome.Delivered(SIMULATOR.dmWith("U0ADA") + "/" + messagesOf(request.deliveryId()).get(0).ts()));
	}

	@Test
	void serverErrorsAreRetriedLater() {
		SIMULATOR.inject("chat.postMessage", new Fault.ServerError(503), 1);

		assertThat(channel.deliver(delivery("user:default/ada", "x"))).isInstanceOfSatisfying(DeliveryOutcome.RetryLater.class,
				later -> assertThat(later.reason()).contains("503"));
	}

	@Test
	void usersNotFoundFailsTheDeliveryAndIsCachedForAShorterTime() {
		DeliveryOutcome first = channel.deliver(delivery("user:default/ghost", "x"));
		DeliveryOutcome again = channel.deliver(delivery("user:default/ghost", "x"));
		int lookups = SIMULATOR.requests("users.lookupByEmail").size();
		CLOCK.advance(SlackLookupCache.NOT_FOUND_TTL.plusSeconds(1));
		channel.deliver(delivery("user:default/ghost", "x"));

		assertThat(first).isInstanceOfSatisfying(DeliveryOutcome.PermanentFailure.class,
				failure -> assertThat(failure.reason()).contains("users_not_found"));
		assertThat(again).isInstanceOf(DeliveryOutcome.PermanentFailure.class);
		assertThat(lookups).isEqualTo(1);
		assertThat(SIMULATOR.requests("users.lookupByEmail")).hasSize(2);
		assertThat(SlackLookupCache.NOT_FOUND_TTL).isLessThan(SlackLookupCache.USER_TTL);
	}

	@Test
	void contentAndConversationErrorsFailOnlyThatDelivery() {
		for (String error : List.of("msg_too_long", "invalid_blocks")) {
			SIMULATOR.inject("chat.postMessage", new Fault.Rejects(error), 1);
			CLOCK.advance(Duration.ofSeconds(2));
			assertThat(channel.deliver(delivery("user:default/linus", "x")))
				.isInstanceOfSatisfying(DeliveryOutcome.PermanentFailure.class, f -> assertThat(f.reason()).contains(error));
		}

		SIMULATOR.archive(SIMULATOR.dmWith("U0LINUS"));
		CLOCK.advance(Duration.ofSeconds(2));
		assertThat(channel.deliver(delivery("user:default/linus", "x")))
			.isInstanceOfSatisfying(DeliveryOutcome.PermanentFailure.class, f -> assertThat(f.reason()).contains("is_archived"));

		jdbc.sql("update slack_dm_cache set channel_id = 'D0GONE' where user_id = 'U0ADA'").update();
		channel.deliver(delivery("user:default/ada", "opens the DM"));
		jdbc.sql("update slack_dm_cache set channel_id = 'D0GONE' where user_id = 'U0ADA'").update();
		CLOCK.advance(Duration.ofSeconds(2));
		assertThat(channel.deliver(delivery("user:default/ada", "x")))
			.isInstanceOfSatisfying(DeliveryOutcome.PermanentFailure.class, f -> assertThat(f.reason()).contains("channel_not_found"));
		assertThat(channel.deliver(delivery("user:default/nobody", "x"))).isInstanceOf(DeliveryOutcome.PermanentFailure.class);
	}

	@Test
	void credentialProblemsTakeTheChannelDownWithTheFix() {
		SIMULATOR.addToken(new SimulatedToken(SlackSimulator.BOT_TOKEN, SimulatedToken.Kind.APP, List.of("connections:write")));
		assertThat(down()).startsWith("Invalid token: use the Bot User OAuth Token, not the App-Level Token").contains("not_allowed_token_type");

		SIMULATOR.removeToken(SlackSimulator.BOT_TOKEN);
		assertThat(down()).startsWith("Invalid token: use the Bot User OAuth Token, not the App-Level Token").contains("invalid_auth");

		SIMULATOR.addToken(new SimulatedToken(SlackSimulator.BOT_TOKEN, SimulatedToken.Kind.BOT, List.of("chat:write", "im:write")));
		assertThat(down()).startsWith("Missing scopes: users:read.email (the token has chat:write,im:write)");

		SIMULATOR.addToken(new SimulatedToken(SlackSimulator.BOT_TOKEN, SimulatedToken.Kind.BOT, SCOPES_WITH_HISTORY));
		SIMULATOR.revoke(SlackSimulator.BOT_TOKEN);
		assertThat(down()).startsWith("Messages not sending: install the app to your workspace").contains("token_revoked");

		SIMULATOR.addToken(new SimulatedToken(SlackSimulator.BOT_TOKEN, SimulatedToken.Kind.BOT, SCOPES_WITH_HISTORY));
		SIMULATOR.appInstalled(false);
		assertThat(down()).startsWith("Messages not sending: install the app to your workspace");
		assertThat(channel.probe()).hasValueSatisfying(problem -> assertThat(problem).startsWith("Messages not sending"));
	}

	private String down() {
		CLOCK.advance(Duration.ofSeconds(2));
		jdbc.sql("delete from slack_user_cache").update();
		DeliveryOutcome outcome = channel.deliver(delivery("user:default/ada", "x"));
		assertThat(outcome).isInstanceOf(DeliveryOutcome.ChannelDown.class);
		assertThat(outcome.toString()).doesNotContain(SlackSimulator.BOT_TOKEN);
		return ((DeliveryOutcome.ChannelDown) outcome).reason();
	}

	@Test
	void theProbeChecksTheTokenAndTheGrantedScopes() {
		assertThat(channel.probe()).isEmpty();

		SIMULATOR.addToken(new SimulatedToken(SlackSimulator.BOT_TOKEN, SimulatedToken.Kind.BOT,
				List.of("users:read", "users:read.email", "im:write", "chat:write")));

		assertThat(channel.probe()).hasValueSatisfying(problem -> assertThat(problem).startsWith("Missing scopes: chat:write.public"));
		assertThat(SIMULATOR.requests()).extracting(RecordedRequest::method).containsOnly("auth.test");
	}

	@Test
	void aTokenProblemFoundAtStartTakesTheChannelDownUntilAProbeFindsItFixed() {
		SIMULATOR.addToken(new SimulatedToken(SlackSimulator.BOT_TOKEN, SimulatedToken.Kind.BOT,
				List.of("users:read", "im:write", "chat:write", "chat:write.public")));

		channel.checkAtStart();
		DeliveryOutcome outcome = channel.deliver(delivery("user:default/grace", "held back"));

		assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.ChannelDown.class,
				down -> assertThat(down.reason()).startsWith("Missing scopes: users:read.email"));
		assertThat(SIMULATOR.requests()).extracting(RecordedRequest::method).containsOnly("auth.test");

		SIMULATOR.addToken(new SimulatedToken(SlackSimulator.BOT_TOKEN, SimulatedToken.Kind.BOT, SCOPES_WITH_HISTORY));
		assertThat(channel.probe()).isEmpty();
		assertThat(channel.deliver(delivery("user:default/grace", "sent"))).isInstanceOf(DeliveryOutcome.Delivered.class);
	}

	@Test
	void isOnWithATokenAndSaysWhereItSends() {
		assertThat(channel.status().enabled()).isTrue();
		assertThat(channel.status().detail()).contains(SIMULATOR.apiUrl()).doesNotContain(SlackSimulator.BOT_TOKEN);
	}
}

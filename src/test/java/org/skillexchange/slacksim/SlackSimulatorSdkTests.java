package org.skillexchange.slacksim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official SDK talking to the simulator: each error class as the SDK reports it, 429s and scope headers. */
class SlackSimulatorSdkTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-01-05T10:00:00Z"));

	private SlackSimulator simulator;

	private Slack slack;

	@BeforeEach
	void start() {
		simulator = SlackSimulator.start(SlackSimulator.options().clock(clock));
		simulator.addUser(SimulatedUser.active("U0ADA", "ada@example.com", "ada"));
		simulator.addUser(SimulatedUser.active("U0GRACE", "grace@example.com", "grace"));
		var config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(simulator.apiUrl());
		config.setProxyUrl(null);
		config.setStatsEnabled(false);
		config.setHttpClientReadTimeoutMillis(1000);
		slack = Slack.getInstance(config);
	}

	@AfterEach
	void stop() throws Exception {
		slack.close();
		simulator.close();
	}

	private MethodsClient bot() {
		return slack.methods(SlackSimulator.BOT_TOKEN);
	}

	@Test
	void authTestNamesTheBotAndSendsTheGrantedScopesAsACommaList() throws Exception {
		var response = bot().authTest(r -> r);

		assertThat(response.isOk()).isTrue();
		assertThat(response.getBotId()).isEqualTo("B0SIMBOT");
		assertThat(response.getHttpResponseHeaders().get("x-oauth-scopes"))
			.containsExactly("users:read,users:read.email,im:write,chat:write,chat:write.public");
	}

	@Test
	void aMissingTokenIsNotAuthedAndTheSdksNullTokenIsInvalidAuth() throws Exception {
		var raw = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(simulator.apiUrl() + "auth.test")).POST(HttpRequest.BodyPublishers.noBody()).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.body()).isEqualTo("{\"ok\":false,\"error\":\"not_authed\"}");
		assertThat(slack.methods(null).authTest(r -> r).getError()).isEqualTo("invalid_auth");
		assertThat(slack.methods("xoxb-made-up").authTest(r -> r).getError()).isEqualTo("invalid_auth");
	}

	@Test
	void revokedTokensAndUninstalledAppsAnswerTokenRevoked() throws Exception {
		simulator.revoke(SlackSimulator.BOT_TOKEN);
		assertThat(bot().authTest(r -> r).getError()).isEqualTo("token_revoked");

		simulator.addToken(new SimulatedToken(SlackSimulator.BOT_TOKEN, SimulatedToken.Kind.BOT, SlackSimulator.MANIFEST_BOT_SCOPES));
		simulator.appInstalled(false);
		assertThat(bot().authTest(r -> r).getError()).isEqualTo("token_revoked");
	}

	@Test
	void tokenTypesAreCheckedBothWays() throws Exception {
		var appOnPost = slack.methods(SlackSimulator.APP_TOKEN).chatPostMessage(r -> r.channel("U0ADA").text("hi"));
		var botOnConnections = slack.methods(SlackSimulator.BOT_TOKEN).appsConnectionsOpen(r -> r);

		assertThat(appOnPost.getError()).isEqualTo("not_allowed_token_type");
		assertThat(botOnConnections.getError()).isEqualTo("not_allowed_token_type");
		assertThat(slack.methods(SlackSimulator.APP_TOKEN).appsConnectionsOpen(r -> r).getUrl()).startsWith("ws://127.0.0.1:");
	}

	@Test
	void aMissingScopeSaysWhatIsNeededAndWhatWasProvided() throws Exception {
		simulator.addToken(new SimulatedToken(SlackSimulator.BOT_TOKEN, SimulatedToken.Kind.BOT, List.of("chat:write", "im:write")));

		var response = bot().usersLookupByEmail(r -> r.email("ada@example.com"));

		assertThat(response.getError()).isEqualTo("missing_scope");
		assertThat(response.getNeeded()).isEqualTo("users:read.email");
		assertThat(response.getProvided()).isEqualTo("chat:write,im:write");
		assertThat(response.getHttpResponseHeaders().get("x-accepted-oauth-scopes")).containsExactly("users:read.email");
	}

	@Test
	void lookupByEmailSaysUsersNotFoundWhereUsersInfoSaysUserNotFound() throws Exception {
		assertThat(bot().usersLookupByEmail(r -> r.email("nobody@example.com")).getError()).isEqualTo("users_not_found");
		assertThat(bot().usersInfo(r -> r.user("U0NOBODY")).getError()).isEqualTo("user_not_found");
		assertThat(bot().usersLookupByEmail(r -> r.email("ADA@example.com")).getUser().getId()).isEqualTo("U0ADA");
	}

	@Test
	void postingToAUserOpensTheDmAndHistoryReturnsTheMetadataOnlyWhenAsked() throws Exception {
		String dm = bot().conversationsOpen(r -> r.users(List.of("U0ADA"))).getChannel().getId();
		assertThat(bot().conversationsHistory(r -> r.channel(dm)).getNeeded()).contains("im:history");
		var scopes = new java.util.ArrayList<>(SlackSimulator.MANIFEST_BOT_SCOPES);
		scopes.add("im:history");
		simulator.addToken(new SimulatedToken(SlackSimulator.BOT_TOKEN, SimulatedToken.Kind.BOT, scopes));
		var posted = bot().chatPostMessage(r -> r.channel(dm)
			.text("fallback")
			.metadata(new com.slack.api.model.Message.Metadata("skill_exchange_delivery", java.util.Map.of("delivery_id", "d-1"))));

		var plain = bot().conversationsHistory(r -> r.channel(dm));
		var withMetadata = bot().conversationsHistory(r -> r.channel(dm).includeAllMetadata(true));

		assertThat(posted.getChannel()).isEqualTo(dm);
		assertThat(plain.getMessages()).singleElement().satisfies(message -> assertThat(message.getMetadata()).isNull());
		assertThat(withMetadata.getMessages()).singleElement().satisfies(message -> {
			assertThat(message.getTs()).isEqualTo(posted.getTs());
			assertThat(message.getMetadata().getEventType()).isEqualTo("skill_exchange_delivery");
			assertThat(message.getMetadata().getEventPayload()).containsEntry("delivery_id", "d-1");
		});
		assertThat(bot().chatPostMessage(r -> r.channel("C0NONE").text("x")).getError()).isEqualTo("channel_not_found");
		simulator.archive(dm);
		assertThat(bot().chatPostMessage(r -> r.channel(dm).text("x")).getError()).isEqualTo("is_archived");
	}

	@Test
	void postMessageAcceptsAJsonBodyAsWell() throws Exception {
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(simulator.apiUrl() + "chat.postMessage"))
				.header("Authorization", "Bearer " + SlackSimulator.BOT_TOKEN)
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"channel\":\"U0ADA\",\"text\":\"hi\",\"blocks\":[{\"type\":\"divider\"}]}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.body()).startsWith("{\"ok\":true");
		assertThat(simulator.messages(simulator.dmWith("U0ADA"))).singleElement()
			.satisfies(message -> assertThat(message.blocksJson()).isEqualTo("[{\"type\":\"divider\"}]"));
	}

	@Test
	void postMessageIsLimitedPerChannelWith429AndRetryAfterUntilTheWindowPasses() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(bot().chatPostMessage(r -> r.channel("U0ADA").text("burst")).isOk()).isTrue();
		}

		assertThatThrownBy(() -> bot().chatPostMessage(r -> r.channel("U0ADA").text("one too many")))
			.isInstanceOfSatisfying(SlackApiException.class, e -> {
				assertThat(e.getResponse().code()).isEqualTo(429);
				assertThat(e.getResponse().header("Retry-After")).isEqualTo("3");
				assertThat(e.getError().getError()).isEqualTo("ratelimited");
			});
		assertThat(bot().chatPostMessage(r -> r.channel("U0GRACE").text("another channel")).isOk()).isTrue();
		clock.advance(Duration.ofSeconds(3));
		assertThat(bot().chatPostMessage(r -> r.channel("U0ADA").text("after the window")).isOk()).isTrue();
	}

	@Test
	void tierLimitsApplyPerMethod() throws Exception {
		for (int i = 0; i < 50; i++) {
			assertThat(bot().usersLookupByEmail(r -> r.email("ada@example.com")).isOk()).isTrue();
		}

		assertThatThrownBy(() -> bot().usersLookupByEmail(r -> r.email("ada@example.com")))
			.isInstanceOfSatisfying(SlackApiException.class, e -> assertThat(e.getResponse().code()).isEqualTo(429));
		assertThat(bot().usersInfo(r -> r.user("U0ADA")).isOk()).isTrue();
	}

	@Test
	void injectedFaultsReachTheSdkAsServerErrorsAndBrokenConnections() throws Exception {
		simulator.inject("chat.postMessage", new Fault.ServerError(503), 1);
		assertThatThrownBy(() -> bot().chatPostMessage(r -> r.channel("U0ADA").text("x")))
			.isInstanceOfSatisfying(SlackApiException.class, e -> assertThat(e.getResponse().code()).isEqualTo(503));

		// OkHttp silently retries a request whose connection broke before an answer: one drop goes unnoticed.
		simulator.inject("auth.test", new Fault.DropConnection(), 1);
		assertThat(bot().authTest(r -> r).isOk()).isTrue();
		assertThat(simulator.requests("auth.test")).hasSize(2);
		simulator.inject("auth.test", new Fault.DropConnection(), 5);
		assertThatThrownBy(() -> bot().authTest(r -> r)).isInstanceOf(IOException.class);

		simulator.inject("chat.postMessage", new Fault.RateLimited(7), 1);
		assertThatThrownBy(() -> bot().chatPostMessage(r -> r.channel("U0ADA").text("x")))
			.isInstanceOfSatisfying(SlackApiException.class, e -> assertThat(e.getResponse().header("Retry-After")).isEqualTo("7"));
		assertThat(simulator.messages(simulator.dmWith("U0ADA"))).isEmpty();
	}

	@Test
	void aStormHitsItsMethodsInItsSharesRepeatablyAndRecordsTheRetryAfterItSent() throws Exception {
		var storm = new FaultStorm(42, Set.of("users.info"), List.of(new FaultStorm.Share(new Fault.RateLimited(2), 0.3),
				new FaultStorm.Share(new Fault.ServerError(503), 0.2)));

		List<Integer> first = statusesOfUsersInfoCalls(storm, 200);
		List<Integer> again = statusesOfUsersInfoCalls(storm, 200);

		assertThat(again).isEqualTo(first);
		assertThat(first.stream().filter(status -> status == 429).count()).isBetween(40L, 80L);
		assertThat(first.stream().filter(status -> status == 503).count()).isBetween(20L, 60L);
		assertThat(simulator.requests("users.info")).filteredOn(request -> request.status() == 429)
			.allSatisfy(request -> assertThat(request.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
		assertThat(simulator.requests("users.info")).filteredOn(request -> request.status() != 429)
			.allSatisfy(request -> assertThat(request.retryAfter()).isNull());
		assertThat(bot().authTest(r -> r).isOk()).as("a method outside the storm").isTrue();

		simulator.storm(null);
		assertThat(bot().usersInfo(r -> r.user("U0ADA")).isOk()).isTrue();
	}

	private List<Integer> statusesOfUsersInfoCalls(FaultStorm storm, int calls) {
		simulator.storm(storm);
		simulator.clearRequests();
		for (int i = 0; i < calls; i++) {
			try {
				bot().usersInfo(r -> r.user("U0ADA"));
			}
			catch (IOException | SlackApiException e) {
				// Counted from the simulator's record below.
			}
			// Past the simulator's own Tier 4 window, so only the storm answers 429.
			clock.advance(Duration.ofSeconds(1));
		}
		return simulator.requests("users.info").stream().map(RecordedRequest::status).toList();
	}

	@Test
	void aConnectionDroppedAfterThePostIsResentByOkHttpItselfAndPostsTwice() throws Exception {
		// OkHttp resends only on a connection that answered before (it takes the break for a stale pooled connection).
		assertThat(bot().authTest(r -> r).isOk()).isTrue();
		simulator.inject("chat.postMessage", new Fault.DropAfterWork(), 1);

		assertThat(bot().chatPostMessage(r -> r.channel("U0ADA").text("once?")).isOk()).isTrue();

		assertThat(simulator.messages(simulator.dmWith("U0ADA"))).extracting(SimulatedMessage::text).containsExactly("once?", "once?");
		assertThat(simulator.requests("chat.postMessage")).extracting(RecordedRequest::status).containsExactly(0, 200);
		assertThat(simulator.requests("chat.postMessage").get(0).fault()).isEqualTo(new Fault.DropAfterWork());
	}

	@Test
	void aSlowAnswerTimesTheClientOutAfterTheMessageWasPosted() {
		simulator.inject("chat.postMessage", new Fault.SlowAnswer(Duration.ofSeconds(2)), 1);

		assertThatThrownBy(() -> bot().chatPostMessage(r -> r.channel("U0ADA").text("did it arrive?"))).isInstanceOf(IOException.class);
		assertThat(simulator.messages(simulator.dmWith("U0ADA"))).extracting(SimulatedMessage::text).containsExactly("did it arrive?");
	}

	@Test
	void everyRequestIsRecordedWithItsTokenParametersTimeAndOutcome() throws Exception {
		bot().usersLookupByEmail(r -> r.email("nobody@example.com"));

		assertThat(simulator.requests()).singleElement().satisfies(request -> {
			assertThat(request.method()).isEqualTo("users.lookupByEmail");
			assertThat(request.token()).isEqualTo(SlackSimulator.BOT_TOKEN);
			assertThat(request.params()).containsEntry("email", "nobody@example.com");
			assertThat(request.at()).isEqualTo(clock.instant());
			assertThat(request.error()).isEqualTo("users_not_found");
		});
	}
}

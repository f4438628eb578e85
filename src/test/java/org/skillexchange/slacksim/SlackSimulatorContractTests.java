package org.skillexchange.slacksim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's answers against Slack's published shapes: the SDK's sample payloads and the OpenAPI error enums. */
class SlackSimulatorContractTests {

	private static final String BLOCKS = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"hi\"}}]";

	private final HttpClient http = HttpClient.newHttpClient();

	private final Gson sdkGson = GsonFactory.createSnakeCase(new SlackConfig());

	private SlackSimulator simulator;

	@BeforeEach
	void start() {
		simulator = SlackSimulator.start(SlackSimulator.options().rateLimits(RateLimits.none()));
		simulator.addUser(SimulatedUser.active("U0ADA", "ada@example.com", "ada"));
	}

	@AfterEach
	void stop() {
		simulator.close();
	}

	private JsonObject call(String method, String token, Map<String, String> form) throws Exception {
		String body = form.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		var request = HttpRequest.newBuilder(URI.create(simulator.apiUrl() + method))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return JsonParser.parseString(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).getAsJsonObject();
	}

	@Test
	void successAnswersUseOnlyFieldsTheSdkSamplesKnowAndParseWithTheSdkClasses() throws Exception {
		String dm = call("conversations.open", SlackSimulator.BOT_TOKEN, Map.of("users", "U0ADA")).get("channel").getAsJsonObject()
			.get("id").getAsString();
		JsonObject posted = call("chat.postMessage", SlackSimulator.BOT_TOKEN, Map.of("channel", dm, "text", "hi", "blocks", BLOCKS,
				"metadata", "{\"event_type\":\"x\",\"event_payload\":{\"a\":\"b\"}}"));
		var answers = Map.of(
				"auth.test.json", call("auth.test", SlackSimulator.BOT_TOKEN, Map.of()),
				"users.lookupByEmail.json", call("users.lookupByEmail", SlackSimulator.BOT_TOKEN, Map.of("email", "ada@example.com")),
				"users.info.json", call("users.info", SlackSimulator.BOT_TOKEN, Map.of("user", "U0ADA")),
				"conversations.open.json", call("conversations.open", SlackSimulator.BOT_TOKEN, Map.of("users", "U0ADA")),
				"chat.postMessage.json", posted,
				"chat.update.json", call("chat.update", SlackSimulator.BOT_TOKEN, Map.of("channel", dm, "ts",
						posted.get("ts").getAsString(), "text", "updated")),
				"apps.connections.open.json", call("apps.connections.open", SlackSimulator.APP_TOKEN, Map.of()));

		for (var answer : answers.entrySet()) {
			assertThat(answer.getValue().get("ok").getAsBoolean()).as(answer.getKey()).isTrue();
			assertThat(unknownFields("", answer.getValue(), Vectors.sdkSampleJson(answer.getKey()))).as(answer.getKey()).isEmpty();
		}
		assertThat(sdkGson.fromJson(answers.get("auth.test.json"), AuthTestResponse.class).getBotId()).isNotBlank();
		assertThat(sdkGson.fromJson(answers.get("users.lookupByEmail.json"), UsersLookupByEmailResponse.class).getUser().getProfile().getEmail())
			.isEqualTo("ada@example.com");
		assertThat(sdkGson.fromJson(answers.get("users.info.json"), UsersInfoResponse.class).getUser().getId()).isEqualTo("U0ADA");
		var reopened = sdkGson.fromJson(answers.get("conversations.open.json"), ConversationsOpenResponse.class);
		assertThat(reopened.getChannel().getId()).isEqualTo(dm);
		assertThat(reopened.isAlreadyOpen()).isTrue();
		var post = sdkGson.fromJson(posted, ChatPostMessageResponse.class);
		assertThat(post.getMessage().getMetadata().getEventType()).isEqualTo("x");
		assertThat(post.getMessage().getBlocks()).hasSize(1);
		assertThat(sdkGson.fromJson(answers.get("chat.update.json"), ChatUpdateResponse.class).getText()).isEqualTo("updated");
		assertThat(sdkGson.fromJson(answers.get("apps.connections.open.json"), AppsConnectionsOpenResponse.class).getUrl())
			.startsWith("ws://127.0.0.1:" + simulator.socketPort() + "/link/?ticket=");
	}

	@Test
	void theSdkSamplesThemselvesParseWithTheSdkClasses() throws Exception {
		assertThat(sdkGson.fromJson(Vectors.sdkSample("auth.test.json"), AuthTestResponse.class).getTeamId()).isEqualTo("T00000000");
		assertThat(sdkGson.fromJson(Vectors.sdkSample("users.info.json"), UsersInfoResponse.class).getUser().getId()).isEqualTo("U00000000");
		assertThat(sdkGson.fromJson(Vectors.sdkSample("BlockActionPayload.json"), BlockActionPayload.class).getType())
			.isEqualTo("block_actions");
	}

	@Test
	void errorsAreOnesTheOpenApiSpecListsForTheMethod() throws Exception {
		String dm = simulator.dmWith("U0ADA");
		var cases = List.of(
				List.of("/auth.test", call("auth.test", "xoxb-unknown", Map.of())),
				List.of("/users.lookupByEmail", call("users.lookupByEmail", SlackSimulator.BOT_TOKEN, Map.of("email", "nobody@example.com"))),
				List.of("/users.info", call("users.info", SlackSimulator.BOT_TOKEN, Map.of("user", "U0NOBODY"))),
				List.of("/conversations.open", call("conversations.open", SlackSimulator.BOT_TOKEN, Map.of("users", "U0NOBODY"))),
				List.of("/chat.postMessage", call("chat.postMessage", SlackSimulator.BOT_TOKEN, Map.of("channel", "C0NONE", "text", "x"))),
				List.of("/chat.postMessage", call("chat.postMessage", SlackSimulator.BOT_TOKEN, Map.of("channel", dm))),
				List.of("/chat.postMessage", call("chat.postMessage", SlackSimulator.BOT_TOKEN, Map.of("channel", dm, "text", "x".repeat(40_001)))),
				List.of("/chat.update", call("chat.update", SlackSimulator.BOT_TOKEN, Map.of("channel", dm, "ts", "1.000001", "text", "x"))),
				List.of("/chat.update", call("chat.update", SlackSimulator.BOT_TOKEN, Map.of("channel", "D0NONE", "ts", "1.000001", "text", "x"))));
		var errors = new ArrayList<String>();
		for (var c : cases) {
			JsonObject body = (JsonObject) c.get(1);
			assertThat(body.keySet()).containsExactlyInAnyOrder("ok", "error");
			assertThat(body.get("ok").getAsBoolean()).isFalse();
			String error = body.get("error").getAsString();
			errors.add(error);
			var enumValues = Vectors.openApiExtract().getAsJsonObject((String) c.get(0)).getAsJsonArray("error_enum").asList()
				.stream().map(JsonElement::getAsString).toList();
			assertThat(enumValues).as(c.get(0) + " error enum").contains(error);
		}
		assertThat(errors).containsExactly("invalid_auth", "users_not_found", "user_not_found", "user_not_found",
				"channel_not_found", "no_text", "msg_too_long", "message_not_found", "channel_not_found");
	}

	@Test
	void clickedButtonsSendBlockActionsShapedLikeTheSdkSample() throws Exception {
		String dm = simulator.dmWith("U0ADA");
		String blocks = "[{\"type\":\"actions\",\"block_id\":\"decide\",\"elements\":[{\"type\":\"button\",\"action_id\":\"accept\","
				+ "\"text\":{\"type\":\"plain_text\",\"text\":\"Accept\"},\"value\":\"c-1\"}]}]";
		String ts = call("chat.postMessage", SlackSimulator.BOT_TOKEN, Map.of("channel", dm, "text", "t", "blocks", blocks)).get("ts")
			.getAsString();
		var socket = new RawSocketClient(URI.create(call("apps.connections.open", SlackSimulator.APP_TOKEN, Map.of()).get("url").getAsString()));
		socket.connectBlocking();
		try {
			simulator.clickButton(new SlackSimulator.ButtonClick("U0ADA", dm, ts, "accept", "c-1"));
			JsonObject envelope = socket.awaitEnvelope();
			JsonObject payload = envelope.getAsJsonObject("payload");

			assertThat(envelope.get("type").getAsString()).isEqualTo("interactive");
			assertThat(unknownFields("", payload, Vectors.sdkSampleJson("BlockActionPayload.json"))).isEmpty();
			BlockActionPayload parsed = sdkGson.fromJson(payload, BlockActionPayload.class);
			assertThat(parsed.getUser().getId()).isEqualTo("U0ADA");
			assertThat(parsed.getContainer().getMessageTs()).isEqualTo(ts);
			assertThat(parsed.getActions().get(0).getActionId()).isEqualTo("accept");
			assertThat(parsed.getActions().get(0).getBlockId()).isEqualTo("decide");
			assertThat(parsed.getActions().get(0).getValue()).isEqualTo("c-1");
		}
		finally {
			socket.closeBlocking();
		}
	}

	/** Paths of fields in {@code ours} that the sample does not have; free-form parts (blocks, payloads) are not compared. */
	private static List<String> unknownFields(String path, JsonObject ours, JsonObject sample) {
		var unknown = new ArrayList<String>();
		Set<String> freeForm = Set.of("blocks", "event_payload", "state");
		for (var entry : ours.entrySet()) {
			String key = entry.getKey();
			if (!sample.has(key)) {
				unknown.add(path + key);
				continue;
			}
			if (freeForm.contains(key)) {
				continue;
			}
			JsonElement mine = entry.getValue();
			JsonElement theirs = sample.get(key);
			if (mine.isJsonObject() && theirs.isJsonObject()) {
				unknown.addAll(unknownFields(path + key + ".", mine.getAsJsonObject(), theirs.getAsJsonObject()));
			}
			else if (mine.isJsonArray() && theirs.isJsonArray() && !mine.getAsJsonArray().isEmpty()
					&& mine.getAsJsonArray().get(0).isJsonObject() && !theirs.getAsJsonArray().isEmpty()) {
				unknown.addAll(unknownFields(path + key + "[].", mine.getAsJsonArray().get(0).getAsJsonObject(),
						theirs.getAsJsonArray().get(0).getAsJsonObject()));
			}
		}
		return unknown;
	}
}

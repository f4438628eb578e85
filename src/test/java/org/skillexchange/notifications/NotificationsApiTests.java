package org.skillexchange.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "skill-exchange.notifications.delivery.workers=false",
				"skill-exchange.auth.external-access[0].token=service-token-for-tests",
				"skill-exchange.auth.external-access[0].subject=ci-bot", "skill-exchange.auth.external-access[1].token=other-service-token",
				"skill-exchange.auth.external-access[1].subject=other-tool", "skill-exchange.auth.dev-mode.enabled=true" })
@Import(PipelineTestConfiguration.class)
class NotificationsApiTests {

	private static final String SERVICE = "Bearer service-token-for-tests";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Deliveries deliveries;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void cleanSlate() {
		for (String table : List.of("delivery", "inbox_entry", "notification", "preference")) {
			jdbc.sql("delete from " + table).update();
		}
	}

	private HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/skill-exchange" + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> asUser(String user, String method, String path, String body) throws Exception {
		return call(method, path, body, "X-Skill-Exchange-User", user);
	}

	/** The recording channel's rows; the real channels in the context (off here) log skipped rows of their own. */
	private static List<JsonNode> recordingOnly(JsonNode deliveries) {
		List<JsonNode> rows = new java.util.ArrayList<>();
		deliveries.forEach(row -> {
			if (row.get("channel").asString().equals("recording")) {
				rows.add(row);
			}
		});
		return rows;
	}

	private JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private long notificationRows() {
		return jdbc.sql("select count(*) from notification").query(Long.class).single();
	}

	@Test
	void aServiceSendsANotificationThatLandsInTheRecipientsInbox() throws Exception {
		var sent = call("POST", "/notifications", """
				{"recipients": {"type": "entity", "entityRef": ["user:default/jdoe", "User:Default/Bob"],
				                "excludeEntityRef": "user:default/bob"},
				 "payload": {"title": "Deploy freeze", "description": "No deploys on Friday", "severity": "high",
				             "link": "/catalog", "scope": "freeze-1"}}""", "Authorization", SERVICE);

		assertThat(sent.statusCode()).isEqualTo(202);
		String id = read(sent).get("ids").get(0).asString();

		var jdoe = read(asUser("user:default/jdoe", "GET", "/notifications", null));
		assertThat(jdoe.get("totalCount").asLong()).isEqualTo(1);
		assertThat(jdoe.get("notifications").get(0).get("title").asString()).isEqualTo("Deploy freeze");
		assertThat(jdoe.get("notifications").get(0).get("origin").asString()).isEqualTo("external:ci-bot");
		assertThat(read(asUser("user:default/bob", "GET", "/notifications", null)).get("totalCount").asLong()).isZero();

		assertThat(read(asUser("user:default/jdoe", "GET", "/notifications/status", null)).get("unread").asLong()).isEqualTo(1);
		var updated = asUser("user:default/jdoe", "POST", "/notifications/update", "{\"ids\": [\"" + id + "\"], \"read\": true, \"saved\": true}");
		assertThat(updated.statusCode()).isEqualTo(200);
		var status = read(asUser("user:default/jdoe", "GET", "/notifications/status", null));
		assertThat(status.get("unread").asLong()).isZero();
		assertThat(status.get("read").asLong()).isEqualTo(1);
		assertThat(read(asUser("user:default/jdoe", "GET", "/notifications?saved=true", null)).get("totalCount").asLong()).isEqualTo(1);
	}

	@Test
	void onlyServiceTokensMaySend() throws Exception {
		String body = "{\"recipients\": {\"type\": \"entity\", \"entityRef\": \"user:default/jdoe\"}, \"payload\": {\"title\": \"Hi\"}}";

		assertThat(call("POST", "/notifications", body, "Authorization", "Bearer wrong-token").statusCode()).isEqualTo(401);
		assertThat(asUser("user:default/jdoe", "POST", "/notifications", body).statusCode()).isEqualTo(403);
		assertThat(notificationRows()).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"recipients\": {\"type\": \"entity\", \"entityRef\": \"user:default/jdoe\"}, \"payload\": {}}|payload.title",
			"{\"recipients\": {\"type\": \"entity\", \"entityRef\": \"user:default/jdoe\"}, \"payload\": {\"title\": \"t\", \"severity\": \"urgent\"}}|payload.severity",
			"{\"recipients\": {\"type\": \"entity\", \"entityRef\": \"user:default/jdoe\"}, \"payload\": {\"title\": \"t\", \"link\": \"javascript:alert(1)\"}}|payload.link",
			"{\"recipients\": {\"type\": \"team\"}, \"payload\": {\"title\": \"t\"}}|recipients.type",
			"{\"recipients\": {\"type\": \"entity\"}, \"payload\": {\"title\": \"t\"}}|recipients.entityRef",
			"{\"recipients\": {\"type\": \"entity\", \"entityRef\": \"not a ref!\"}, \"payload\": {\"title\": \"t\"}}|recipients.entityRef[0]",
			"{\"payload\": {\"title\": \"t\"}}|recipients" })
	void rejectsABadBodyNamingTheFieldAndStoresNothing(String body, String field) throws Exception {
		var response = call("POST", "/notifications", body, "Authorization", SERVICE);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
		assertThat(read(response).get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(notificationRows()).isZero();
	}

	@Test
	void anUnreadableBodyIsAProblemToo() throws Exception {
		var response = call("POST", "/notifications", "{not json", "Authorization", SERVICE);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(read(response).get("title").asString()).isEqualTo("Unreadable request body");
	}

	@Test
	void badPagingAndEmptyUpdatesAreProblemsNotServerErrors() throws Exception {
		assertThat(asUser("user:default/jdoe", "GET", "/notifications?limit=0", null).statusCode()).isEqualTo(400);
		assertThat(asUser("user:default/jdoe", "GET", "/notifications?offset=-1", null).statusCode()).isEqualTo(400);
		var empty = asUser("user:default/jdoe", "POST", "/notifications/update", "{\"ids\": [\"" + java.util.UUID.randomUUID() + "\"]}");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(read(empty).get("errors").get(0).get("field").asString()).isEqualTo("read");
	}

	@Test
	void preferencesAreSavedPerChannelAndTypeAndValidated() throws Exception {
		var saved = asUser("user:default/jdoe", "PUT", "/preferences",
				"{\"preferences\": [{\"channel\": \"recording\", \"type\": \"hack.digest\", \"enabled\": false}]}");
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(read(saved).get("preferences").get(0).get("enabled").asBoolean()).isFalse();

		var unknown = asUser("user:default/jdoe", "PUT", "/preferences",
				"{\"preferences\": [{\"channel\": \"pager\", \"type\": \"hack.digest\", \"enabled\": false}]}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(read(unknown).get("errors").get(0).get("field").asString()).isEqualTo("preferences[0].channel");
	}

	@Test
	void theDeliveryLogShowsEachChannelAndRecipientToThoseAllowedToSeeIt() throws Exception {
		var sent = call("POST", "/notifications",
				"{\"recipients\": {\"type\": \"entity\", \"entityRef\": [\"user:default/jdoe\", \"user:default/bob\"]}, \"payload\": {\"title\": \"Hi\"}}",
				"Authorization", SERVICE);
		String id = read(sent).get("ids").get(0).asString();
		deliveries.deliverDue();

		var all = recordingOnly(read(call("GET", "/deliveries?notification=" + id, null, "Authorization", SERVICE)));
		assertThat(all.size()).isEqualTo(2);
		assertThat(all.get(0).get("status").asString()).isEqualTo("DELIVERED");
		assertThat(all.get(0).get("attempts").asInt()).isEqualTo(1);

		var own = recordingOnly(read(asUser("user:default/jdoe", "GET", "/deliveries?notification=" + id, null)));
		assertThat(own.size()).isEqualTo(1);
		assertThat(own.get(0).get("recipient").asString()).isEqualTo("user:default/jdoe");
		assertThat(asUser("user:default/alice", "GET", "/deliveries?notification=" + id, null).statusCode()).isEqualTo(404);
		assertThat(call("GET", "/deliveries?notification=" + id, null, "Authorization", "Bearer other-service-token").statusCode())
			.as("another tool does not see this tool's deliveries").isEqualTo(404);
	}
}

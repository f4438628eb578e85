package org.skillexchange.searches;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.jobs.Jobs;
import org.skillexchange.testsupport.DomainTestConfiguration;
import org.skillexchange.testsupport.MutableClock;
import org.skillexchange.testsupport.RecordedNotifications;
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

/** The REST API over HTTP: the lifecycles, authorisation by ownership, validation naming fields, and the OpenAPI description. */
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "skill-exchange.members.source=file", "skill-exchange.members.file=examples/org.yaml",
				"skill-exchange.jobs.enabled=false", "skill-exchange.notifications.delivery.workers=false",
				"skill-exchange.admin.post-cleanup-admins=user:default/admin", "skill-exchange.auth.dev-mode.enabled=true",
				"skill-exchange.auth.external-access[0].token=service-token-for-domain-tests",
				"skill-exchange.auth.external-access[0].subject=ci-bot" })
@Import(DomainTestConfiguration.class)
class SkillExchangeApiTests {

	static final String JDOE = "user:default/jdoe";

	static final String ALICE = "user:default/alice";

	static final String BOB = "user:default/bob";

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
	Jobs jobs;

	@Autowired
	MutableClock clock;

	RecordedNotifications recorded;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void cleanSlate() {
		recorded = new RecordedNotifications(jdbc);
		recorded.clearAll();
	}

	HttpResponse<String> as(String user, String method, String path, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		if (user.startsWith("Bearer ")) {
			request.header("Authorization", user);
		}
		else {
			request.header("X-Skill-Exchange-User", user);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	String createMentorship() throws Exception {
		var created = as(JDOE, "POST", "/api/skill-exchange/gigs", """
				{"type": "mentorship", "title": "Learn Kotlin", "skills": ["kotlin"], "location": "Remote",
				 "contact": "user:default/alice", "owners": ["user:default/jdoe"],
				 "mentorship": {"meetType": "VIRTUAL", "requestType": "OFFERING_MENTORSHIP"}}""");
		assertThat(created.statusCode()).isEqualTo(201);
		return read(created).get("id").asString();
	}

	@Test
	void aGigInquiryIsAcceptedOverHttpOnlyByThePostSide() throws Exception {
		String gig = createMentorship();

		var connected = as(BOB, "POST", "/api/skill-exchange/gigs/" + gig + "/connections", "{\"message\": \"Hi!\"}");
		assertThat(connected.statusCode()).isEqualTo(201);
		String connection = read(connected).get("id").asString();
		assertThat(read(connected).get("status").asString()).isEqualTo("CONNECTED");

		String path = "/api/skill-exchange/gigs/" + gig + "/connections/" + connection + "/status";
		var byRequester = as(BOB, "PUT", path, "{\"status\": \"ACCEPTED\"}");
		assertThat(byRequester.statusCode()).isEqualTo(403);
		assertThat(byRequester.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		var byContact = as(ALICE, "PUT", path, "{\"status\": \"ACCEPTED\"}");
		assertThat(byContact.statusCode()).isEqualTo(200);
		assertThat(read(byContact).get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(recorded.summaries()).containsExactlyInAnyOrder("gig.inquiry -> " + ALICE,
				"gig.inquiry.confirmation -> " + BOB, "gig.participant.added -> " + BOB,
				"gig.participant.added.confirmation -> " + ALICE);

		var bobsInbox = read(as(BOB, "GET", "/api/skill-exchange/notifications", null));
		assertThat(bobsInbox.get("totalCount").asLong()).isEqualTo(2);
		assertThat(read(as(BOB, "GET", "/api/skill-exchange/gigs/" + gig + "/connections", null))).hasSize(1);
		assertThat(as(BOB, "POST", "/api/skill-exchange/gigs/" + gig + "/connections/" + connection + "/stop-reminders", null)
			.statusCode()).isEqualTo(403);
	}

	@Test
	void onlyAdminsArchiveOthersPostsAndServiceTokensPostNothing() throws Exception {
		String gig = createMentorship();

		assertThat(as(BOB, "PUT", "/api/skill-exchange/gigs/" + gig + "/status", "{\"status\": \"ARCHIVED\"}").statusCode())
			.isEqualTo(403);
		var archived = as("user:default/admin", "PUT", "/api/skill-exchange/gigs/" + gig + "/status", "{\"status\": \"archived\"}");
		assertThat(archived.statusCode()).isEqualTo(200);
		assertThat(read(archived).get("status").asString()).isEqualTo("ARCHIVED");
		assertThat(as("Bearer service-token-for-domain-tests", "POST", "/api/skill-exchange/gigs/" + gig + "/connections", "{}")
			.statusCode()).isEqualTo(403);
		assertThat(as(BOB, "GET", "/api/skill-exchange/gigs/00000000-0000-0000-0000-000000000000", null).statusCode())
			.isEqualTo(404);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"POST|/api/skill-exchange/gigs|{\"type\": \"gig\", \"title\": \"t\", \"contact\": \"user:default/alice\"}|type",
			"POST|/api/skill-exchange/gigs|{\"type\": \"embed\", \"title\": \"\", \"contact\": \"user:default/alice\"}|title",
			"POST|/api/skill-exchange/gigs|{\"type\": \"embed\", \"title\": \"t\", \"contact\": \"user:default/ghost\"}|contact",
			"POST|/api/skill-exchange/gigs|{\"type\": \"embed\", \"title\": \"t\", \"contact\": \"user:default/alice\", \"owners\": [\"user:default/ghost\"]}|owners[0]",
			"POST|/api/skill-exchange/gigs|{\"type\": \"mentorship\", \"title\": \"t\", \"contact\": \"user:default/alice\", \"mentorship\": {\"meetType\": \"ZOOM\", \"requestType\": \"SEEKING_PAIR\"}}|mentorship.meetType",
			"GET|/api/skill-exchange/gigs?size=0||size",
			"GET|/api/skill-exchange/hacks?status=DONE||status",
			"POST|/api/skill-exchange/hacks|{\"name\": \"x\", \"members\": [\"user:default/ghost\"]}|members[0]",
			"POST|/api/skill-exchange/gigs|{\"type\": \"embed\", \"title\": \"t\", \"contact\": \"user:default/alice\", \"resources\": [{\"name\": \"doc\", \"url\": \"javascript:alert(1)\"}]}|resources[0].url",
			"POST|/api/skill-exchange/hacks|{\"name\": \"x\", \"repositoryUrls\": [{\"name\": \"code\", \"url\": \"javascript:alert(1)\"}]}|repositoryUrls[0].url",
			"POST|/api/skill-exchange/saved-searches|{\"gigType\": \"EMBED\", \"queries\": [{\"query\": \"java\", \"category\": \"COLOUR\"}]}|queries[0].category",
			"POST|/api/skill-exchange/saved-searches|{\"gigType\": \"EMBED\", \"queries\": []}|queries",
			"POST|/api/skill-exchange/saved-searches|{\"gigType\": \"EMBED\", \"queries\": [null]}|queries[0]",
			"POST|/api/skill-exchange/gigs|{\"type\": \"embed\", \"title\": \"t\", \"contact\": \"user:default/alice\", \"resources\": [null]}|resources[0]",
			"POST|/api/skill-exchange/hacks|{\"name\": \"x\", \"repositoryUrls\": [null]}|repositoryUrls[0]",
			"PUT|/api/skill-exchange/preferences|{\"preferences\": [null]}|preferences[0]" })
	void rejectsBadInputNamingTheField(String method, String path, String body, String field) throws Exception {
		var response = as(JDOE, method, path, body);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(read(response).get("errors").findValuesAsString("field")).contains(field);
		assertThat(recorded.all()).isEmpty();
	}

	@Test
	void aHackIsRunByItsMembers() throws Exception {
		var created = as(JDOE, "POST", "/api/skill-exchange/hacks", """
				{"name": "Slack bot", "pitch": "DMs for everything", "tags": ["bots"], "skills": ["java"],
				 "repositoryUrls": [{"name": "code", "url": "https://github.com/example/bot"}]}""");
		assertThat(created.statusCode()).isEqualTo(201);
		String hack = "/api/skill-exchange/hacks/" + read(created).get("id").asString();

		assertThat(as(BOB, "PUT", hack, "{\"name\": \"Bob's now\"}").statusCode()).isEqualTo(403);
		assertThat(as(BOB, "POST", hack + "/inquiries", "{\"message\": \"Can I join?\"}").statusCode()).isEqualTo(202);
		assertThat(as(BOB, "POST", hack + "/members", "{\"member\": \"user:default/bob\"}").statusCode()).isEqualTo(403);
		var added = as(JDOE, "POST", hack + "/members", "{\"member\": \"user:default/bob\"}");
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(read(added).get("members").valueStream().map(JsonNode::asString)).containsExactly(BOB, JDOE);
		assertThat(as(ALICE, "POST", hack + "/followers", null).statusCode()).isEqualTo(200);
		var comment = as(ALICE, "POST", hack + "/comments", "{\"message\": \"Love it\"}");
		assertThat(comment.statusCode()).isEqualTo(201);
		String commentPath = hack + "/comments/" + read(comment).get("id").asString();
		assertThat(as(BOB, "PUT", commentPath, "{\"message\": \"Hijacked\"}").statusCode()).isEqualTo(403);
		assertThat(read(as(ALICE, "PUT", commentPath, "{\"message\": \"Love it!\"}")).get("edited").asBoolean()).isTrue();

		assertThat(recorded.summaries()).containsExactlyInAnyOrder("hack.inquiry -> " + JDOE,
				"hack.inquiry.confirmation -> " + BOB, "hack.member.added -> " + BOB);
	}

	@Test
	void aSavedSearchHearsOfAMatchingNewPost() throws Exception {
		jobs.runDue();
		var saved = as(BOB, "POST", "/api/skill-exchange/saved-searches",
				"{\"gigType\": \"MENTORSHIP\", \"queries\": [{\"query\": \"kotlin\", \"category\": \"SKILL\"}]}");
		assertThat(saved.statusCode()).isEqualTo(201);
		as(JDOE, "POST", "/api/skill-exchange/saved-searches",
				"{\"gigType\": \"MENTORSHIP\", \"queries\": [{\"query\": \"learn\", \"category\": \"FREE_TEXT\"}]}");
		as(ALICE, "POST", "/api/skill-exchange/saved-searches",
				"{\"gigType\": \"EMBED\", \"queries\": [{\"query\": \"kotlin\", \"category\": \"SKILL\"}]}");
		String gig = createMentorship();

		clock.advance(Duration.ofMinutes(2));
		assertThat(jobs.runDue()).contains("search.match");

		var match = recorded.only("search.match");
		assertThat(match.recipients()).containsExactly(BOB);
		assertThat(match.title()).isEqualTo("New Post Match");
		assertThat(match.data()).containsEntry("postTitle", "Learn Kotlin")
			.containsEntry("postUrl", "http://localhost:3000/skill-exchange/mentors/post/" + gig);
		assertThat(read(as(BOB, "GET", "/api/skill-exchange/saved-searches", null))).hasSize(1);
		String id = read(saved).get("id").asString();
		assertThat(as(JDOE, "DELETE", "/api/skill-exchange/saved-searches/" + id, null).statusCode()).isEqualTo(404);
		assertThat(as(BOB, "DELETE", "/api/skill-exchange/saved-searches/" + id, null).statusCode()).isEqualTo(204);

		clock.advance(Duration.ofMinutes(2));
		jobs.runDue();
		assertThat(recorded.all()).hasSize(1);
	}

	@Test
	void servesTheOpenApiDescription() throws Exception {
		var docs = as(JDOE, "GET", "/v3/api-docs", null);

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(read(docs).get("paths").propertyNames()).contains("/api/skill-exchange/gigs",
				"/api/skill-exchange/gigs/{id}/connections/{connectionId}/status", "/api/skill-exchange/hacks/{id}/members",
				"/api/skill-exchange/saved-searches");
	}
}

package org.skillexchange.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the bad-input suite found, one request each, against the same running service: each was answered 5xx, or
 * answered 4xx after its change had been committed, before the fix its name describes.
 */
class BadInputFindingsTests {

	private static final String SLACK_EVENTS = "/api/skill-exchange/slack/events";

	private static BadInputApp app;

	@BeforeContainer
	static void start() {
		app = BadInputApp.shared();
	}

	@Example
	void aDirectRequestForTheErrorPathIsAnUnknownPath() {
		assertRefused(app.send(BadRequest.of(app.endpoint("GET /error"), "GET", "/error", "")), 404);
	}

	@Example
	void aWildcardContentTypeIsRefusedBeforeTheBodyIsRead() {
		assertRefused(createHack("Content-Type", "application/*"), 415);
	}

	@Example
	void aMultipartRequestIsRefusedAsAnUnsupportedType() {
		assertRefused(createHack("Content-Type", "multipart/form-data"), 415);
	}

	@Example
	void aRequestThatAcceptsNoJsonIsRefusedBeforeTheHandlerWrites() {
		assertRefused(createHack("Content-Type", "application/json", "Accept", "image/png"), 406);
	}

	@Example
	void anAcceptHeaderThatDoesNotParseIsRefusedWithProblemDetails() {
		assertRefused(createHack("Content-Type", "application/json", "Accept", "*/*;q=abc"), 400);
	}

	@Example
	void aNulCharacterInTextIsABadRequestNamingTheField() {
		var exchange = app.send(BadRequest.of(app.endpoint("POST /api/skill-exchange/hacks"), "POST", "/api/skill-exchange/hacks",
				"{\"name\": \"Kept\", \"description\": \"a\\u0000b\"}", "X-Skill-Exchange-User", "user:default/jdoe", "Content-Type",
				"application/json"));

		assertRefused(exchange, 400);
		assertThat(exchange.response().body()).contains("\"field\":\"description\"");
	}

	@Example
	void aBlankAcceptHeaderIsNoPreference() {
		var exchange = app.send(BadRequest.of(app.endpoint("GET /actuator/prometheus"), "GET", "/actuator/prometheus", "", "Accept", ""));

		assertThat(exchange.response().status()).isEqualTo(200);
	}

	@Example
	void aListOfHundredsOfThousandsOfBadItemsIsRefusedQuicklyNamingTheFirst() {
		String queries = String.join(",", java.util.Collections.nCopies(300_000, "{}"));
		var exchange = app.send(BadRequest.of(app.endpoint("POST /api/skill-exchange/saved-searches"), "POST", "/api/skill-exchange/saved-searches",
				"{\"gigType\": \"EMBED\", \"queries\": [" + queries + "]}", "X-Skill-Exchange-User", "user:default/jdoe", "Content-Type",
				"application/json"));

		assertRefused(exchange, 400);
		assertThat(exchange.nanos()).isLessThan(java.time.Duration.ofSeconds(30).toNanos());
		assertThat(exchange.response().body()).contains("\"field\":\"queries[").contains("more").hasSizeLessThan(10_000);
	}

	@Example
	void aQueryStringThatCannotBeDecodedIsABadRequest() {
		assertRefused(app.send(BadRequest.of(app.endpoint("GET /api/skill-exchange/gigs"), "GET", "/api/skill-exchange/gigs?size=%E0%A4%A", "",
				"X-Skill-Exchange-User", "user:default/jdoe")), 400);
	}

	@Example
	void aFormBodyOverTheContainersLimitIsTooLarge() {
		String form = "payload=" + "a".repeat(3 * 1024 * 1024);
		assertRefused(slackEvent(form, "application/x-www-form-urlencoded"), 413);
	}

	@Example
	void aHealthPathBelowAnUnknownComponentIsNotFound() {
		var exchange = app.send(BadRequest.of(app.endpoint("GET /actuator/health/**"), "GET", "/actuator/health/nope/more", ""));

		assertThat(exchange.response().status()).isEqualTo(404);
	}

	@Example
	void aHealthPathWithAnEmptySegmentIsNotFound() {
		var exchange = app.send(BadRequest.of(app.endpoint("GET /actuator/health/**"), "GET", "/actuator/health//", ""));

		assertThat(exchange.response().status()).isEqualTo(404);
	}

	@Example
	void aSignedSlackPayloadThatIsNotFormEncodedIsABadRequest() {
		assertRefused(slackEvent("payload=%zz", "application/x-www-form-urlencoded"), 400);
	}

	@Example
	void aSignedSlackPayloadWithObjectsWhereTextBelongsIsOnlyAcknowledged() {
		var click = slackEvent("payload=%7B%22type%22%3A%7B%7D%7D", "application/x-www-form-urlencoded");
		var urlCheck = slackEvent("{\"type\": \"url_verification\", \"challenge\": {\"a\": 1}}", "application/json");

		assertThat(click.response().status()).isEqualTo(200);
		assertThat(urlCheck.response().status()).isEqualTo(200);
		assertThat(urlCheck.response().body()).doesNotContain("challenge");
	}

	private static BadInputApp.Exchange createHack(String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "X-Skill-Exchange-User";
		all[1] = "user:default/jdoe";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return app.send(BadRequest.of(app.endpoint("POST /api/skill-exchange/hacks"), "POST", "/api/skill-exchange/hacks",
				"{\"name\": \"Never stored\"}", all));
	}

	private static BadInputApp.Exchange slackEvent(String body, String contentType) {
		String timestamp = Long.toString(System.currentTimeMillis() / 1000);
		return app.send(BadRequest.of(app.endpoint("POST " + SLACK_EVENTS), "POST", SLACK_EVENTS, body, "Content-Type", contentType,
				"X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature",
				new SlackSignature.Generator(BadRequests.SIGNING_SECRET).generate(timestamp, body)));
	}

	/** Refused with this status, as problem details naming it, and with every table as it was. */
	private static void assertRefused(BadInputApp.Exchange exchange, int status) {
		assertThat(exchange.response().status()).as(exchange.response().body()).isEqualTo(status);
		assertThat(exchange.response().header("content-type")).startsWith("application/problem+json");
		assertThat(JsonMapper.builder().build().readTree(exchange.response().body()).path("status").asInt()).isEqualTo(status);
		assertThat(exchange.after()).isEqualTo(exchange.before());
		assertThat(BadInputChecks.violations(exchange)).isEmpty();
	}
}

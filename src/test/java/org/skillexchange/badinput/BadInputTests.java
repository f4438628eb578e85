package org.skillexchange.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The fast part of the bad-input suite, run by {@code ./mvnw verify}: a few hundred generated requests against every
 * endpoint of one running service on PostgreSQL. The full run ({@code bench/run badinput}) sends 10,000.
 */
class BadInputTests {

	private static BadInputApp app;

	@BeforeContainer
	static void start() {
		app = BadInputApp.shared();
		app.warmUp(1);
	}

	@Provide
	Arbitrary<BadRequest> badRequests() {
		return app.requests.any(2);
	}

	@Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
	void noRequestIsAnswered5xxAndARefusedOneWritesNothing(@ForAll("badRequests") BadRequest request) {
		List<String> violations = BadInputChecks.violations(app.send(request));

		assertThat(violations).as(request.toString()).isEmpty();
	}

	@Example
	void theEndpointsComeFromTheRunningServiceIncludingWebhooksAndOperations() {
		List<String> names = app.endpoints.stream().map(Endpoint::name).toList();

		assertThat(names).contains("POST /api/skill-exchange/slack/events", "POST /api/skill-exchange/notifications",
				"PUT /api/skill-exchange/gigs/{id}/connections/{connectionId}/status", "POST /api/skill-exchange/hacks/{id}/comments",
				"PUT /api/skill-exchange/preferences", "DELETE /api/skill-exchange/saved-searches/{id}",
				"GET /api/skill-exchange/templates/{type}/preview", "GET /v3/api-docs");
		assertThat(names).anyMatch(name -> name.startsWith("GET /actuator/health"));
	}

	@Example
	void aCommittedWriteChangesTheFingerprintSoAPartialWriteCannotHide() {
		var before = app.fingerprint();
		var created = app.send(BadRequest.of(app.endpoint("POST /api/skill-exchange/hacks"), "POST", "/api/skill-exchange/hacks",
				"{\"name\": \"Fingerprint check\"}", "X-Skill-Exchange-User", "user:default/jdoe", "Content-Type", "application/json"));

		assertThat(created.response().status()).isEqualTo(201);
		assertThat(BadInputChecks.changedTables(before, app.fingerprint())).containsKey("hack");
	}
}

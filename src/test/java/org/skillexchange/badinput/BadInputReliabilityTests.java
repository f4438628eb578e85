package org.skillexchange.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.skillexchange.bench.BenchReport;

/**
 * The full bad-input run (tag {@code reliability}, {@code bench/run badinput}): 10,000 generated requests against
 * every endpoint of one service on PostgreSQL. Every try is checked as in {@link BadInputTests}; here a violation is
 * counted rather than stopping the run, so the report shows all of them, and the run fails at its end if there was
 * any. Writes {@code bench/results/YYYY-MM-DD-badinput.md}: tries and statuses per endpoint and per kind, time taken,
 * and the violations.
 */
@Tag("reliability")
class BadInputReliabilityTests {

	static final int TRIES = 10_000;

	private static BenchReport report;

	private static BadInputApp app;

	private static final Tally tally = new Tally();

	private static Instant started;

	@BeforeContainer
	static void start() {
		report = BenchReport.start("badinput");
		Instant starting = Instant.now();
		app = BadInputApp.shared();
		report.setting("service", "SpringApplication in the test JVM on a random port, a fresh PostgreSQL database; dev mode, one service token, "
				+ "a Slack signing secret (mode http), people from examples/org.yaml; delivery workers and scheduled jobs off so that only the "
				+ "request under test writes; Backstage JWKS and Slack API at a closed local port");
		report.setting("started in", Duration.between(starting, Instant.now()).toMillis() + " ms");
		app.warmUp(3);
		report.setting("warm-up", "3 valid requests to every POST and PUT endpoint, to have ids to name");
		report.setting("tries", TRIES + " (jqwik @Property, shrinking off; one request at a time over a raw socket)");
		report.setting("endpoints", app.endpoints.size() + ", found from every RequestMappingInfoHandlerMapping of the running context");
		report.setting("tables fingerprinted before and after each request (row count and sum of xmin)", String.join(", ", app.tables()));
		started = Instant.now();
	}

	@Provide
	Arbitrary<BadRequest> badRequests() {
		return app.requests.any(24);
	}

	@Property(tries = TRIES, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
	void tenThousandBadRequests(@ForAll("badRequests") BadRequest request) {
		BadInputApp.Exchange exchange = app.send(request);
		tally.add(exchange, BadInputChecks.violations(exchange));
	}

	@AfterContainer
	static void writeReport() {
		Duration took = Duration.between(started, Instant.now());
		report.result(String.format("%,d requests in %d s (%.1f per second, mean %.1f ms per request without the fingerprints), %,d MB of bodies; "
				+ "%,d answered by the container before reaching the application.%n", tally.tries, took.toSeconds(),
				tally.tries / Math.max(1.0, took.toMillis() / 1000.0), tally.requestNanos.get() / 1e6 / Math.max(1, tally.tries),
				tally.bytesSent / 1_000_000, tally.refusedBeforeTheApplication));
		report.result("**Violations: " + tally.violations + "** (5xx, no answer, a 4xx from the application without problem details, or a 4xx "
				+ "that changed a table).\n");
		report.result("| status | answers |\n|---|---|");
		tally.statuses.forEach((status, count) -> report.result("| " + (status == 0 ? "no answer" : status) + " | " + count + " |"));
		report.result("\n| kind | tries |\n|---|---|");
		tally.byKind.forEach((kind, count) -> report.result("| " + kind + " | " + count + " |"));
		report.result("\n| endpoint | tries | statuses seen | violations |\n|---|---|---|---|");
		for (Endpoint endpoint : app.endpoints) {
			Map<Integer, Integer> statuses = tally.statusesByEndpoint.getOrDefault(endpoint.name(), Map.of());
			report.result("| `" + endpoint.name() + "` | " + tally.triesOf(endpoint.name()) + " | "
					+ statuses.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")) + " | "
					+ tally.violationsByEndpoint.getOrDefault(endpoint.name(), 0) + " |");
		}
		if (!tally.examples.isEmpty()) {
			report.result("\n### Violations (first " + tally.examples.size() + ")\n");
			tally.examples.forEach(example -> report.result("- " + example.replace("|", "\\|").replace("\n", " ")));
		}
		report.write();
		assertThat(tally.tries).isGreaterThanOrEqualTo(TRIES);
		assertThat(tally.examples).as("violations").isEqualTo(List.of());
	}
}

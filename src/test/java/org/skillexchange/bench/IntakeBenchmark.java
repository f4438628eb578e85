package org.skillexchange.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.skillexchange.testsupport.BackstageHarness;
import org.skillexchange.testsupport.PostgresDatabases;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake: notifications accepted per second and latency through our send endpoint (the jar as a
 * separate process on PostgreSQL, service token) and through the real Backstage notifications
 * backend's send endpoint (the harness on PostgreSQL, static token), with the same Java HTTP client,
 * body, concurrency and count, interleaved A-B-B-A so that a change in the shared machine's load hits
 * both. Also the footprint of both processes: time to ready and resident memory.
 * Run: {@code bench/run intake}.
 */
@Tag("bench")
class IntakeBenchmark {

	private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);

	private static final int COUNT = Integer.getInteger("bench.count", 2000);

	private static final int WARMUP = Integer.getInteger("bench.warmup", 500);

	/** Backstage's pool, raised from the harness's 3 to our 10 so that neither side is starved by its pool. */
	private static final int BACKSTAGE_POOL = 10;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	// One client for both: HTTP/1.1 because the harness's signals plugin never answers the JDK's h2c upgrade.
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void measureIntakeAgainstBackstage() throws Exception {
		try (var report = BenchReport.start("intake")) {
			report.version("Node", command("node", "--version"))
				.setting("requests per round and target", COUNT)
				.setting("concurrency (closed loop, one HTTP/1.1 java.net.http client for both)", CONCURRENCY)
				.setting("warm-up per target before measuring", WARMUP)
				.setting("rounds", "4, interleaved: Skill Exchange, Backstage, Backstage, Skill Exchange")
				.setting("body (both)", "one entity recipient user:default/bench-(i mod 500), title, description, severity normal")
				.setting("Skill Exchange", "java -jar target/skill-exchange.jar serve (default JVM flags), own database on "
						+ "PostgreSQL, pool 10, delivery workers on (no channel enabled, so no delivery rows)")
				.setting("Backstage", "src/test/backstage-harness (notifications + signals + auth), own databases on the same "
						+ "PostgreSQL, knex pool max " + BACKSTAGE_POOL + " (APP_CONFIG_backend_database_knexConfig_pool_max), "
						+ "no notification processors");

			String jdbcUrl = PostgresDatabases.fresh("bench_intake");
			try (var ours = ServiceProcess.start(jdbcUrl, "intake");
					var backstage = BackstageHarness.startedWith(
							Map.of("APP_CONFIG_backend_database_knexConfig_pool_max", String.valueOf(BACKSTAGE_POOL)))) {
				// Read once the harness is up: on a fresh clone its start is what installs the packages.
				report.version("Backstage @backstage/plugin-notifications-backend", backstageVersion("plugin-notifications-backend"))
					.version("Backstage @backstage/backend-defaults", backstageVersion("backend-defaults"))
					.version("Backstage @backstage/plugin-signals-backend", backstageVersion("plugin-signals-backend"));
				long oursReadyRss = BenchReport.residentMiB(ours.pid());
				long backstageReadyRss = BenchReport.residentMiB(backstage.pid());

				var oursTarget = new Target("Skill Exchange", ours.baseUrl().resolve("/api/skill-exchange/notifications"),
						ours.serviceToken(), ours.pid());
				var backstageTarget = new Target("Backstage", backstage.baseUrl().resolve("/api/notifications/notifications"),
						backstage.serviceToken(), backstage.pid());

				load(oursTarget, WARMUP);
				load(backstageTarget, WARMUP);
				List<HttpLoad.Result> rounds = new ArrayList<>();
				for (Target target : List.of(oursTarget, backstageTarget, backstageTarget, oursTarget)) {
					rounds.add(load(target, COUNT));
				}
				long oursAfterRss = BenchReport.residentMiB(ours.pid());
				long backstageAfterRss = BenchReport.residentMiB(backstage.pid());

				report.result("### Intake rounds\n\n" + HttpLoad.Result.header());
				rounds.forEach(round -> report.result(round.row()));
				var oursRounds = rounds.stream().filter(r -> r.target().equals(oursTarget.name())).toList();
				var backstageRounds = rounds.stream().filter(r -> r.target().equals(backstageTarget.name())).toList();
				double oursRate = mean(oursRounds, HttpLoad.Result::perSecond);
				double backstageRate = mean(backstageRounds, HttpLoad.Result::perSecond);
				double oursP50 = mean(oursRounds, HttpLoad.Result::p50Millis);
				double backstageP50 = mean(backstageRounds, HttpLoad.Result::p50Millis);
				double oursP99 = mean(oursRounds, HttpLoad.Result::p99Millis);
				double backstageP99 = mean(backstageRounds, HttpLoad.Result::p99Millis);
				report.result(String.format("""

						### Intake summary (mean of the two rounds each)

						| metric | Skill Exchange | Backstage | ratio |
						|---|---|---|---|
						| accepted/s | %.0f | %.0f | %.2fx (ours / Backstage) |
						| p50 latency | %.1f ms | %.1f ms | %.2fx (Backstage / ours) |
						| p99 latency | %.1f ms | %.1f ms | %.2fx (Backstage / ours) |
						""", oursRate, backstageRate, oursRate / backstageRate, oursP50, backstageP50, backstageP50 / oursP50, oursP99,
						backstageP99, backstageP99 / oursP99));
				report.result(String.format("""
						### Footprint (same run)

						| metric | Skill Exchange | Backstage | ratio |
						|---|---|---|---|
						| time to ready (process start to first 200 from health/readiness, fresh databases) | %d ms | %d ms | %.2fx (Backstage / ours) |
						| resident memory at ready | %d MiB | %d MiB | %.2fx (Backstage / ours) |
						| peak resident memory under the intake load | %d MiB | %d MiB | %.2fx (Backstage / ours) |
						| resident memory after the run | %d MiB | %d MiB | %.2fx (Backstage / ours) |
						""", ours.millisToReady(), backstage.millisToReady(), (double) backstage.millisToReady() / ours.millisToReady(),
						oursReadyRss, backstageReadyRss, (double) backstageReadyRss / oursReadyRss,
						peak(oursRounds), peak(backstageRounds), (double) peak(backstageRounds) / peak(oursRounds),
						oursAfterRss, backstageAfterRss, (double) backstageAfterRss / oursAfterRss));

				long stored = storedNotifications(jdbcUrl);
				report.result("Skill Exchange stored " + stored + " notification rows for " + (WARMUP + 2 * COUNT)
						+ " accepted requests (checked in its database after the run).");
				report.write();
				assertThat(rounds).allSatisfy(round -> assertThat(round.failures()).as(round.firstFailure()).isZero());
				assertThat(stored).isEqualTo(WARMUP + 2L * COUNT);
			}
		}
	}

	private record Target(String name, URI url, String token, long pid) {
	}

	private HttpLoad.Result load(Target target, int count) throws InterruptedException {
		return HttpLoad.run(http, target.name(), count, CONCURRENCY, i -> HttpRequest.newBuilder(target.url())
			.header("Authorization", "Bearer " + target.token())
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body(i)))
			.build(), target.pid());
	}

	private static String body(int i) {
		return JSON.writeValueAsString(Map.of("recipients", Map.of("type", "entity", "entityRef", "user:default/bench-" + (i % 500)),
				"payload", Map.of("title", "Hack digest " + i, "description", "Three new comments on your hack", "severity", "normal")));
	}

	private static double mean(List<HttpLoad.Result> rounds, java.util.function.ToDoubleFunction<HttpLoad.Result> metric) {
		return rounds.stream().mapToDouble(metric).average().orElse(Double.NaN);
	}

	private static long peak(List<HttpLoad.Result> rounds) {
		return rounds.stream().mapToLong(HttpLoad.Result::peakResidentMiB).max().orElse(-1);
	}

	private static long storedNotifications(String jdbcUrl) throws Exception {
		try (var connection = DriverManager.getConnection(jdbcUrl);
				var rows = connection.createStatement().executeQuery("select count(*) from notification")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static String backstageVersion(String plugin) throws Exception {
		Path packageJson = Path.of("src/test/backstage-harness/node_modules/@backstage", plugin, "package.json");
		return Files.exists(packageJson) ? JSON.readTree(Files.readString(packageJson)).path("version").asString() : "not installed";
	}

	private static String command(String... command) throws Exception {
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		return new String(process.getInputStream().readAllBytes()).trim();
	}
}

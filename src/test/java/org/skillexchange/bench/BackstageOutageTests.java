package org.skillexchange.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.notifications.NotificationRequest;
import org.skillexchange.notifications.NotificationSettings;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.Notifications;
import org.skillexchange.testsupport.BackstageHarness;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backstage stopped mid-run: notifications keep being recorded at a steady rate for the real
 * Backstage notifications backend (the harness on PostgreSQL), the backend is stopped for two
 * minutes and started again on the same port and databases. Everything is delivered once it is
 * back, each exactly once in Backstage's own database; the report gives the channel's state in
 * {@code /actuator/health} through the outage, the time from Backstage's return to the last
 * delivery and the attempts used. Engine settings are the defaults. Run: {@code bench/run backstage-down}
 * (-Dbench.outage=2m, -Dbench.outage.deliveries=2000, -Dbench.outage.rate=10 per second).
 */
@Tag("reliability")
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "skill-exchange.notifications.enabled=true", "app.base-url=http://127.0.0.1:3000" })
class BackstageOutageTests {

	private static final Duration OUTAGE = DurationStyle.detectAndParse(System.getProperty("bench.outage", "2m"));

	private static final int DELIVERIES = Integer.getInteger("bench.outage.deliveries", 2000);

	/** Deliveries recorded per second, in notifications of {@value #PER_NOTIFICATION} people. */
	private static final int RATE = Integer.getInteger("bench.outage.rate", 10);

	private static final int PER_NOTIFICATION = 10;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A backend of this test's own: stopping it must not disturb other tests sharing the JVM. */
	static final BackstageHarness BACKSTAGE = BackstageHarness.startedWith(Map.of());

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry, "backstage_outage");
		registry.add("backend.base-url", () -> BACKSTAGE.baseUrl().toString());
		registry.add("skill-exchange.backstage.token", BACKSTAGE::serviceToken);
	}

	@AfterAll
	static void stopBackstage() {
		BACKSTAGE.close();
	}

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	/** The Backstage channel in /actuator/health at one moment. */
	record HealthSample(Instant at, int status, String state, String reason) {
	}

	@Test
	void everythingIsDeliveredOnceAfterBackstageComesBack() throws Exception {
		var recorded = new AtomicInteger();
		var health = new CopyOnWriteArrayList<HealthSample>();
		ScheduledExecutorService background = Executors.newScheduledThreadPool(2);
		try (var report = BenchReport.start("backstage-down")) {
			report.version("Backstage @backstage/plugin-notifications-backend", "0.6.11 (src/test/backstage-harness, Node "
					+ nodeVersion() + ")")
				.setting("run", DELIVERIES + " deliveries to distinct people, recorded at " + RATE + " per second (a notification to "
						+ PER_NOTIFICATION + " people every " + 1000 * PER_NOTIFICATION / RATE + " ms) through Notifications.record")
				.setting("outage", "the Backstage backend stopped (SIGTERM, as BackstageHarness.stop) once " + DELIVERIES / 4
						+ " deliveries were recorded, for " + OUTAGE.toSeconds() + " s (-Dbench.outage), then started again on the "
						+ "same port and databases; recording goes on meanwhile")
				.setting("service", "in the test JVM (Spring Boot, random port), PostgreSQL, Backstage channel only, background "
						+ "workers on, engine defaults: batch " + settings.delivery().batchSize() + ", concurrency "
						+ settings.delivery().concurrency() + ", backoff " + settings.delivery().initialBackoff() + " doubling to "
						+ settings.delivery().maxBackoff() + ", max attempts " + settings.delivery().maxAttempts() + ", probe of a paused "
						+ "channel every " + settings.delivery().probeInterval())
				.setting("health", "GET /actuator/health every second, channels.backstage state and reason")
				.setting("Backstage", "the harness's own backend (not the shared one), its databases on the same PostgreSQL; "
						+ "rows checked in its notifications database, table notification, by scope (skill-exchange:<delivery id>)");

			Instant started = Instant.now();
			background.scheduleAtFixedRate(() -> health.add(health()), 0, 1, TimeUnit.SECONDS);
			background.scheduleAtFixedRate(() -> {
				int from = recorded.get();
				if (from < DELIVERIES) {
					record(from, Math.min(PER_NOTIFICATION, DELIVERIES - from));
					recorded.addAndGet(PER_NOTIFICATION);
				}
			}, 0, 1000L * PER_NOTIFICATION / RATE, TimeUnit.MILLISECONDS);

			await("a quarter recorded").atMost(Duration.ofMinutes(10)).until(() -> recorded.get() >= DELIVERIES / 4);
			long deliveredBefore = count("status = 'DELIVERED'");
			BACKSTAGE.stop();
			Instant stopped = Instant.now();
			long inFlightAtStop = count("status = 'SENDING'");
			// The outage is wall-clock time by design: the workers, backoff and probes run on the real clock.
			Thread.sleep(OUTAGE.toMillis());
			Instant restarting = Instant.now();
			int starts = startAgain();
			Instant back = Instant.now();
			long deliveredWhileDown = count("status = 'DELIVERED' and completed_at > :stopped and completed_at < :back", stopped, restarting);
			try {
				await("every delivery final").atMost(Duration.ofMinutes(20))
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> recorded.get() >= DELIVERIES && count("status in ('PENDING', 'SENDING')") == 0);
			}
			catch (ConditionTimeoutException e) {
				report.result("(not all deliveries final after 20 minutes; figures below are as of then)");
			}
			background.shutdownNow();

			record Row(String id, String status, int attempts, Instant createdAt, @Nullable Instant completedAt) {
			}
			List<Row> rows = jdbc.sql("select id, status, attempts, created_at, completed_at from delivery where channel = 'backstage'")
				.query((rs, i) -> new Row(rs.getString("id"), rs.getString("status"), rs.getInt("attempts"),
						rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant()))
				.list();
			long delivered = rows.stream().filter(row -> row.status().equals("DELIVERED")).count();
			Instant last = rows.stream().map(Row::completedAt).filter(Objects::nonNull).max(Instant::compareTo).orElse(back);
			List<Row> backlog = rows.stream().filter(row -> row.createdAt().isBefore(back) && row.completedAt() != null
					&& row.completedAt().isAfter(stopped)).toList();
			Instant firstAfter = backlog.stream().map(Row::completedAt).min(Instant::compareTo).orElse(back);
			Instant backlogDone = backlog.stream().map(Row::completedAt).max(Instant::compareTo).orElse(back);
			Map<String, Integer> stored = storedPerScope();
			Set<String> scopes = rows.stream().map(row -> "skill-exchange:" + row.id()).collect(Collectors.toSet());
			long missing = scopes.stream().filter(scope -> !stored.containsKey(scope)).count();
			long duplicated = stored.values().stream().mapToLong(n -> n - 1).sum();
			long foreign = stored.keySet().stream().filter(scope -> !scopes.contains(scope)).count();
			Map<Integer, Long> attempts = rows.stream().collect(Collectors.groupingBy(Row::attempts, TreeMap::new, Collectors.counting()));

			List<HealthSample> down = health.stream().filter(sample -> !sample.state().equals("on")).toList();
			Instant firstDown = down.isEmpty() ? null : down.get(0).at();
			Instant lastDown = down.isEmpty() ? null : down.get(down.size() - 1).at();
			Map<String, Long> reasons = down.stream().collect(Collectors.groupingBy(HealthSample::reason, TreeMap::new, Collectors.counting()));

			report.result(String.format("""
					| what | value |
					|---|---|
					| deliveries recorded | %d |
					| delivered before the stop / while stopped / in flight (SENDING) at the stop | %d / %d / %d |
					| Backstage stopped at / restart began / ready again (seconds into the run) | %.1f / %.1f / %.1f (the last start took %d ms; starts tried: %d) |
					| DELIVERED at the end / other | %d / %d |
					| waiting when Backstage was ready again (recorded before, not delivered before the stop) | %d |
					| from Backstage ready again to the first of them delivered / to the last of them delivered | %.1f s / **%.1f s** |
					| from Backstage ready again to the last delivery of the run (recording goes on until the %dth) | %.1f s |
					| whole run (first recorded to last delivered) | %.1f s |
					| Backstage rows: deliveries missing / duplicated (rows beyond one per scope) / rows not ours | **%d / %d** / %d |
					| attempts per delivery (attempts: deliveries) | %s |
					| attempts in all / deliveries needing more than one | %d / %d |
					| health samples / of them with backstage not "on" | %d / %d |
					| health: first not "on" / last not "on" (seconds into the run) | %s / %s |
					""", recorded.get(), deliveredBefore, deliveredWhileDown, inFlightAtStop, seconds(started, stopped),
					seconds(started, restarting), seconds(started, back), BACKSTAGE.millisToReady(), starts, delivered, rows.size() - delivered,
					backlog.size(), seconds(back, firstAfter), seconds(back, backlogDone), DELIVERIES, seconds(back, last),
					seconds(started, last), missing, duplicated, foreign, attempts,
					rows.stream().mapToLong(Row::attempts).sum(), rows.stream().filter(row -> row.attempts() > 1).count(), health.size(),
					down.size(), firstDown == null ? "never" : String.format("%.1f", seconds(started, firstDown)),
					lastDown == null ? "never" : String.format("%.1f", seconds(started, lastDown))));
			report.result("Health while the channel was not \"on\" (HTTP status, state: reason, samples):\n");
			if (reasons.isEmpty()) {
				report.result("- none: /actuator/health showed the Backstage channel \"on\" throughout the outage");
			}
			down.stream()
				.collect(Collectors.groupingBy(sample -> sample.status() + " " + sample.state() + ": " + sample.reason(), TreeMap::new,
						Collectors.counting()))
				.forEach((line, n) -> report.result("- `" + line + "` (" + n + ")"));
			report.write();

			assertThat(delivered).as("deliveries DELIVERED").isEqualTo(DELIVERIES);
			assertThat(missing).as("deliveries missing in Backstage").isZero();
			assertThat(duplicated).as("deliveries stored twice in Backstage").isZero();
			assertThat(down).as("health samples with the channel paused during the outage").isNotEmpty()
				.allSatisfy(sample -> {
					assertThat(sample.status()).isEqualTo(503);
					assertThat(sample.state()).isEqualTo("paused");
					assertThat(sample.reason()).contains("cannot reach Backstage at " + BACKSTAGE.baseUrl());
				});
		}
		finally {
			background.shutdownNow();
		}
	}

	/**
	 * Starts Backstage again and returns how many starts it took: on this shared machine PostgreSQL can
	 * run out of connections for a while, and Backstage's plugins then fail to start.
	 */
	private static int startAgain() throws InterruptedException {
		for (int tries = 1;; tries++) {
			try {
				BACKSTAGE.start();
				return tries;
			}
			catch (RuntimeException e) {
				if (tries == 10) {
					throw e;
				}
				System.out.println("Backstage did not start (" + e.getMessage().lines().findFirst().orElse("") + "); trying again");
				Thread.sleep(5000);
			}
		}
	}

	private void record(int from, int people) {
		notifications.record(NotificationRequest.of(NotificationType.CUSTOM)
			.to(IntStream.range(from, from + people).mapToObj(i -> "user:default/out-" + i).toList())
			.title("Skill Exchange update " + from)
			.description("Recorded during the Backstage outage run")
			.build());
	}

	private HealthSample health() {
		Instant at = Instant.now();
		try {
			var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode backstage = JSON.readTree(response.body()).path("components").path("channels").path("details").path("backstage");
			return new HealthSample(at, response.statusCode(), backstage.path("state").asString(), backstage.path("reason").asString(""));
		}
		catch (Exception e) {
			return new HealthSample(at, 0, "unanswered", e.toString());
		}
	}

	private long count(String where, Instant... between) {
		var query = jdbc.sql("select count(*) from delivery where channel = 'backstage' and " + where);
		if (between.length == 2) {
			query = query.param("stopped", Timestamp.from(between[0])).param("back", Timestamp.from(between[1]));
		}
		return query.query(Long.class).single();
	}

	/** Rows per scope in Backstage's own notifications database, from our origin. */
	private static Map<String, Integer> storedPerScope() throws Exception {
		var perScope = new HashMap<String, Integer>();
		try (var connection = DriverManager.getConnection(BACKSTAGE.jdbcUrl("notifications"));
				var rows = connection.createStatement().executeQuery(
						"select scope, count(*) from notification where origin = '" + BackstageHarness.ORIGIN + "' group by scope")) {
			while (rows.next()) {
				perScope.put(String.valueOf(rows.getString(1)), rows.getInt(2));
			}
		}
		return perScope;
	}

	private static double seconds(Instant from, Instant to) {
		return Duration.between(from, to).toMillis() / 1000.0;
	}

	private static String nodeVersion() {
		try {
			var process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			return new String(process.getInputStream().readAllBytes()).trim();
		}
		catch (java.io.IOException e) {
			return "unknown";
		}
	}
}

package org.skillexchange.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.skillexchange.slacksim.RateLimits;
import org.skillexchange.slacksim.RecordedRequest;
import org.skillexchange.testsupport.SlidingWindows;
import org.skillexchange.slacksim.SimulatedUser;
import org.skillexchange.slacksim.SlackSimulator;
import org.skillexchange.testsupport.PostgresDatabases;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three instances of the service (the jar, three processes) on one PostgreSQL database deliver one
 * broadcast through the Slack channel to the simulator enforcing Slack's published tiers, real clock:
 * every person gets exactly one DM, and the simulator sees nothing beyond its limits (no 429), because
 * the three share one rate budget in the database. Part of the broadcast is cold (users.lookupByEmail and
 * conversations.open per person, Tier 3: 50/min), the rest warm (one chat.postMessage each, 300/min per
 * workspace), so both shared budgets bind at once. Run: {@code bench/run three}.
 */
@Tag("reliability")
class ThreeInstancesSharedSlackBudgetTests {

	private static final int COLD = Integer.getInteger("bench.three.cold", 100);

	private static final int WARM = Integer.getInteger("bench.three.warm", 500);

	private static final int INSTANCES = 3;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Slack's published limits, as the simulator enforces them (RateLimits.slackTiers()). */
	private static final Map<String, Integer> PER_MINUTE = Map.of("users.lookupByEmail", 50, "conversations.open", 50,
			"chat.postMessage", 300);

	@Test
	void threeInstancesDeliverEveryDmOnceWithinOneSharedSlackBudget() throws Exception {
		String jdbcUrl = PostgresDatabases.fresh("bench_three");
		List<ServiceProcess> services = new ArrayList<>();
		try (var simulator = SlackSimulator.start(SlackSimulator.options().rateLimits(RateLimits.slackTiers()));
				var report = BenchReport.start("three");
				Connection db = DriverManager.getConnection(jdbcUrl)) {
			Path members = members(simulator);
			String sections = """
					notifications:
					  enabled: true
					slack:
					  token: %s
					  apiUrl: %s
					""".formatted(SlackSimulator.BOT_TOKEN, simulator.apiUrl());
			for (int i = 0; i < INSTANCES; i++) {
				services.add(ServiceProcess.start(jdbcUrl, "three-" + i, "http://localhost:7007", sections, members));
			}
			report.version("Slack SDK", "com.slack.api:slack-api-client 1.51.0")
				.version("Bucket4j", "com.bucket4j:bucket4j_jdk17-postgresql 8.18.0")
				.setting("instances", INSTANCES + " x java -jar target/skill-exchange.jar serve on one PostgreSQL database, workers on "
						+ "(defaults: batch 50, concurrency 8, poll 0.5 s), Slack channel only (Backstage channel off: no token)")
				.setting("Slack", "org.skillexchange.slacksim simulator in the test JVM, real clock, RateLimits.slackTiers(): "
						+ "users.lookupByEmail and conversations.open 50/min, chat.postMessage 3 per 3 s per channel and 300/min per "
						+ "workspace; every request recorded")
				.setting("broadcast", (COLD + WARM) + " distinct people in one notification sent to instance 1: " + COLD
						+ " cold (email only, nothing cached), " + WARM + " warm (user and DM channel cached as an earlier broadcast "
						+ "leaves them) (-Dbench.three.cold, -Dbench.three.warm)")
				.setting("ready", services.stream().map(s -> s.millisToReady() + " ms").collect(Collectors.joining(", "))
						+ " (started one after the other)");
			fillLookupCaches(db, simulator);
			simulator.clearRequests();

			Instant sent = Instant.now();
			broadcast(services.get(0));
			await("every Slack delivery final").atMost(Duration.ofMinutes(15))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> count(db, "status in ('PENDING', 'SENDING')") == 0 && count(db, "true") == COLD + WARM);
			Instant last = lastCompleted(db);

			List<RecordedRequest> requests = simulator.requests();
			long delivered = count(db, "status = 'DELIVERED'");
			Map<String, Long> dmsPerPerson = IntStream.range(0, COLD + WARM)
				.boxed()
				.collect(Collectors.toMap(ThreeInstancesSharedSlackBudgetTests::name, i -> (long) simulator.messages(simulator.dmWith(userId(i))).size()));
			long lost = dmsPerPerson.values().stream().filter(n -> n == 0).count();
			long duplicated = dmsPerPerson.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
			long tooMany = requests.stream().filter(r -> r.status() == 429).count();
			Map<String, Long> byMethod = requests.stream()
				.collect(Collectors.groupingBy(RecordedRequest::method, TreeMap::new, Collectors.counting()));
			Map<String, Integer> peaks = new TreeMap<>();
			PER_MINUTE.keySet().forEach(method -> peaks.put(method, peakPerMinute(requests, method)));
			int peakPerChannel = requests.stream()
				.filter(r -> r.method().equals("chat.postMessage"))
				.collect(Collectors.groupingBy(r -> r.params().get("channel")))
				.values()
				.stream()
				.mapToInt(posts -> SlidingWindows.peak(posts, Duration.ofSeconds(3)))
				.max()
				.orElse(0);
			List<Map<String, Double>> perInstance = new ArrayList<>();
			for (ServiceProcess service : services) {
				perInstance.add(slackOutcomes(service));
			}

			double seconds = Duration.between(sent, last).toMillis() / 1000.0;
			double slackBound = Math.max(minutes(COLD, 50), minutes(COLD + WARM, 300)) * 60;
			double budgetBound = Math.max((COLD - 2) / 47.0, (COLD + WARM - 5) / 289.0) * 60;
			report.result("""
					Lower bounds: Slack's published limits allow the cold part no faster than (cold - 50) / 50 minutes
					(Tier 3) and the posts no faster than (people - 300) / 300 minutes; the shared budget's buckets
					(docs/decisions/0003: Tier 3 burst 2 then 47/min, chat.postMessage burst 5 then 289/min) allow
					(cold - 2) / 47 and (people - 5) / 289 minutes.
					""");
			report.result("| people (cold + warm) | completed | bound: Slack's limits / our buckets | delivered | lost | duplicated DMs "
					+ "| 429s | API calls by method | peak in any 60 s (limit) | peak posts to one DM in any 3 s (limit 3) "
					+ "| per instance: Slack deliveries / deferrals (waits for the budget) |\n|---|---|---|---|---|---|---|---|---|---|---|");
			report.result(String.format("| %d (%d + %d) | %.1f s | %.0f s / %.0f s | %d | **%d** | **%d** | **%d** | %s | %s | %d | %s |",
					COLD + WARM, COLD, WARM, seconds, slackBound, budgetBound, delivered, lost, duplicated, tooMany, byMethod,
					peaks.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " (" + PER_MINUTE.get(e.getKey()) + ")")
						.collect(Collectors.joining(", ")),
					peakPerChannel, perInstance.stream()
						.map(o -> String.format("%.0f / %.0f", o.getOrDefault("delivered", 0.0), o.getOrDefault("deferred", 0.0)))
						.collect(Collectors.joining("; "))));
			notDelivered(db).forEach(row -> report.result("- not delivered: " + row));
			report.write();

			assertThat(delivered).isEqualTo(COLD + WARM);
			assertThat(lost).isZero();
			assertThat(duplicated).isZero();
			assertThat(tooMany).as("requests the simulator refused with 429").isZero();
			peaks.forEach((method, peak) -> assertThat(peak).as(method + " in any 60 s").isLessThanOrEqualTo(PER_MINUTE.get(method)));
			assertThat(peakPerChannel).isLessThanOrEqualTo(3);
			assertThat(perInstance).as("every instance delivered some").allSatisfy(o -> assertThat(o.get("delivered")).isPositive());
		}
		finally {
			services.forEach(ServiceProcess::close);
		}
	}

	private static void broadcast(ServiceProcess service) throws Exception {
		List<String> refs = IntStream.range(0, COLD + WARM).mapToObj(i -> "user:default/" + name(i)).toList();
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(service.baseUrl().resolve("/api/skill-exchange/notifications"))
				.header("Authorization", "Bearer " + service.serviceToken())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("recipients",
						Map.of("type", "entity", "entityRef", refs), "payload", Map.of("title", "Hack digest", "severity", "normal")))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	/** Outcomes of this instance's Slack deliveries, from its {@code skill_exchange_deliveries_total} counters. */
	private static Map<String, Double> slackOutcomes(ServiceProcess service) throws Exception {
		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(service.baseUrl().resolve("/actuator/prometheus"))
				.header("Authorization", "Bearer " + service.serviceToken())
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		return metrics.lines()
			.filter(line -> line.startsWith("skill_exchange_deliveries_total{") && line.contains("channel=\"slack\""))
			.collect(Collectors.groupingBy(line -> line.replaceAll(".*outcome=\"([^\"]+)\".*", "$1"),
					Collectors.summingDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))));
	}

	/** The members (catalog YAML, email only) and the same people in the simulated workspace. */
	private static Path members(SlackSimulator simulator) throws IOException {
		var yaml = new StringBuilder();
		for (int i = 0; i < COLD + WARM; i++) {
			simulator.addUser(SimulatedUser.active(userId(i), name(i) + "@example.com", name(i)));
			yaml.append(yaml.isEmpty() ? "" : "---\n").append("""
					apiVersion: backstage.io/v1alpha1
					kind: User
					metadata:
					  name: %s
					spec:
					  profile:
					    email: %s@example.com
					""".formatted(name(i), name(i)));
		}
		Path file = Path.of("target", "bench", "three-members.yaml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, yaml);
		return file;
	}

	/** The warm people's Slack ids and DM channels, as an earlier broadcast leaves them. */
	private static void fillLookupCaches(Connection db, SlackSimulator simulator) throws Exception {
		Timestamp expires = Timestamp.from(Instant.now().plus(Duration.ofDays(7)));
		try (var users = db.prepareStatement("insert into slack_user_cache (email, user_id, expires_at) values (?, ?, ?)");
				var dms = db.prepareStatement("insert into slack_dm_cache (user_id, channel_id, expires_at) values (?, ?, ?)")) {
			for (int i = COLD; i < COLD + WARM; i++) {
				users.setString(1, name(i) + "@example.com");
				users.setString(2, userId(i));
				users.setTimestamp(3, expires);
				users.addBatch();
				dms.setString(1, userId(i));
				dms.setString(2, simulator.dmWith(userId(i)));
				dms.setTimestamp(3, expires);
				dms.addBatch();
			}
			users.executeBatch();
			dms.executeBatch();
		}
	}

	private static int peakPerMinute(List<RecordedRequest> requests, String method) {
		return SlidingWindows.peak(requests.stream().filter(r -> r.method().equals(method)).toList(), Duration.ofMinutes(1));
	}

	private static double minutes(int calls, int perMinute) {
		return Math.max(0, calls - perMinute) / (double) perMinute;
	}

	private static String name(int i) {
		return "three-" + i;
	}

	private static String userId(int i) {
		return "UTHREE" + i;
	}

	private static long count(Connection db, String where) throws Exception {
		try (var rows = db.createStatement().executeQuery("select count(*) from delivery where channel = 'slack' and " + where)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** Deliveries that did not arrive, counted by status and last error. */
	private static List<String> notDelivered(Connection db) throws Exception {
		var rows = new ArrayList<String>();
		try (var result = db.createStatement().executeQuery("select status, last_error, count(*) from delivery where channel = 'slack' "
				+ "and status <> 'DELIVERED' group by status, last_error order by 3 desc")) {
			while (result.next()) {
				rows.add(result.getLong(3) + " x " + result.getString(1) + ": " + result.getString(2));
			}
		}
		return rows;
	}

	private static Instant lastCompleted(Connection db) throws Exception {
		try (var rows = db.createStatement().executeQuery("select max(completed_at) from delivery where channel = 'slack'")) {
			rows.next();
			return rows.getTimestamp(1).toInstant();
		}
	}
}

package org.skillexchange.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.skillexchange.testsupport.PostgresDatabases;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 of the service at random moments during a fan-out, restarting it each time: no delivery is
 * lost, and no more are sent twice than were in flight at the kills. The service is the jar as a
 * separate process on PostgreSQL with the workers on; its Backstage channel sends to a recording
 * target in this JVM that answers like Backstage's send endpoint after 20 ms and counts every
 * request per recipient. The kill moments are drawn from a seeded random (printed in the report) as
 * numbers of requests the target has seen. Run: {@code bench/run kill}.
 */
@Tag("reliability")
class KillDuringFanOutTests {

	private static final int PEOPLE = Integer.getInteger("bench.kill.people", 10_000);

	private static final int KILLS = Integer.getInteger("bench.kill.times", 5);

	private static final long SEED = Long.getLong("bench.seed", System.currentTimeMillis());

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(4);

	@Test
	void killedAndRestartedFiveTimesDuringAFanOutLosesNothing() throws Exception {
		HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
		target.createContext("/api/notifications/notifications", this::record);
		target.setExecutor(Executors.newFixedThreadPool(16));
		target.start();
		var random = new Random(SEED);
		String jdbcUrl = PostgresDatabases.fresh("bench_kill");
		try (var report = BenchReport.start("kill");
				var service = ServiceProcess.start(jdbcUrl, "kill", "http://127.0.0.1:" + target.getAddress().getPort(), """
						notifications:
						  enabled: true
						  delivery:
						    leaseDuration: 10s
						backstage:
						  token: kill-test-token
						""");
				Connection db = DriverManager.getConnection(jdbcUrl)) {
			report.setting("fan-out", PEOPLE + " distinct people, sent through our send endpoint in requests of 1,000 recipients")
				.setting("service", "java -jar target/skill-exchange.jar serve, PostgreSQL, workers on (batch 50, concurrency 8), "
						+ "leaseDuration 10s (default 60s) so that a killed instance's claims are taken over sooner")
				.setting("target", "Backstage channel to a recording HTTP target in the test JVM that answers 200 like "
						+ "Backstage's send endpoint after 20 ms and counts requests per recipient")
				.setting("kills", KILLS + " x SIGKILL (Process.destroyForcibly), each when the target has seen a random number of "
						+ "further requests (200 to 1,500), then a restart on the same port and database")
				.setting("random seed (-Dbench.seed)", SEED);
			send(service, PEOPLE);

			var rows = new ArrayList<String>();
			long inFlightTotal = 0;
			for (int kill = 1; kill <= KILLS; kill++) {
				int at = requests.get() + 200 + random.nextInt(1300);
				await("request " + at + " at the target").atMost(Duration.ofMinutes(5)).until(() -> requests.get() >= at);
				long open = count(db, "status in ('PENDING', 'SENDING')");
				int seenAtKill = requests.get();
				service.killHard();
				long inFlight = count(db, "status = 'SENDING'");
				inFlightTotal += inFlight;
				service.launch();
				rows.add(String.format("| %d | %d | %d | %d | %d ms |", kill, seenAtKill, open, inFlight, service.millisToReady()));
			}
			await("every delivery final").atMost(Duration.ofMinutes(10))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> count(db, "status in ('PENDING', 'SENDING')") == 0);

			long delivered = count(db, "status = 'DELIVERED'");
			long failed = count(db, "status = 'FAILED'");
			long lost = IntStream.range(0, PEOPLE).filter(i -> !received.containsKey(recipient(i))).count();
			long duplicated = received.values().stream().mapToLong(n -> n.get() - 1).sum();
			report.result("| kill | target requests seen at the kill | open deliveries at the kill | in flight (SENDING) at the kill | "
					+ "restart to ready |\n|---|---|---|---|---|");
			rows.forEach(report::result);
			report.result(String.format("""

					| result | value |
					|---|---|
					| delivery rows DELIVERED / FAILED | %d / %d of %d |
					| people who got nothing (lost) | **%d** |
					| requests beyond one per person (duplicated) | **%d** (in flight at the kills, summed: %d) |
					| requests the target saw | %d |
					""", delivered, failed, PEOPLE, lost, duplicated, inFlightTotal, requests.get()));
			report.write();
			assertThat(lost).isZero();
			assertThat(delivered).isEqualTo(PEOPLE);
			assertThat(duplicated).isLessThanOrEqualTo(inFlightTotal);
		}
		finally {
			target.stop(0);
			answers.shutdownNow();
		}
	}

	private void record(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String user = JSON.readTree(body).path("recipients").path("entityRef").asString();
		requests.incrementAndGet();
		if (!user.isEmpty()) {
			received.computeIfAbsent(user, key -> new AtomicInteger()).incrementAndGet();
		}
		byte[] answer = (user.isEmpty() ? "[]" : JSON.writeValueAsString(List.of(Map.of("id", UUID.randomUUID().toString(), "user", user,
				"origin", "external:skill-exchange", "created", Instant.now().toString())))).getBytes(StandardCharsets.UTF_8);
		// Answered 20 ms later, like a backend doing a database write, without holding a server thread.
		answers.schedule(() -> {
			try (exchange) {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
			}
			catch (IOException e) {
				// The service was killed while waiting for this answer: exactly the case under test.
			}
		}, 20, TimeUnit.MILLISECONDS);
	}

	private static void send(ServiceProcess service, int people) throws Exception {
		var http = HttpClient.newHttpClient();
		for (int from = 0; from < people; from += 1000) {
			List<String> refs = IntStream.range(from, Math.min(people, from + 1000)).mapToObj(KillDuringFanOutTests::recipient).toList();
			var response = http.send(HttpRequest.newBuilder(service.baseUrl().resolve("/api/skill-exchange/notifications"))
				.header("Authorization", "Bearer " + service.serviceToken())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("recipients",
						Map.of("type", "entity", "entityRef", refs), "payload", Map.of("title", "Hack digest", "severity", "normal")))))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		}
	}

	private static String recipient(int i) {
		return "user:default/k-" + i;
	}

	private static long count(Connection db, String where) throws Exception {
		try (var rows = db.createStatement().executeQuery("select count(*) from delivery where channel = 'backstage' and " + where)) {
			rows.next();
			return rows.getLong(1);
		}
	}
}

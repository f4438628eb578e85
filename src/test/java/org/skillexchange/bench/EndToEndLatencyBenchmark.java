package org.skillexchange.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.skillexchange.slacksim.RateLimits;
import org.skillexchange.slacksim.RecordedRequest;
import org.skillexchange.slacksim.SimulatedUser;
import org.skillexchange.slacksim.SlackSimulator;
import org.skillexchange.testsupport.BackstageHarness;
import org.skillexchange.testsupport.PostgresDatabases;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end: from the API call that creates a gig inquiry to the Slack simulator receiving the DM and
 * the real Backstage notifications backend holding the notification, at fixed request rates.
 * <p>
 * The service is the jar as a separate process on PostgreSQL with both channels on: Backstage to the
 * harness, Slack to the simulator in this JVM (Slack's published tiers on), the people's Slack ids and
 * DMs cached as an earlier message leaves them. Each inquiry goes to a gig of its own with a contact of
 * its own from a requester of their own, so every notification is one person's only one and no
 * per-DM limit is involved. Open loop: inquiry {@code i} of a rate is due at {@code start + i / rate};
 * every latency is measured from that due time, so a late send counts against us. The simulator
 * records when each chat.postMessage arrived; one poller reads Backstage's notification table every
 * {@value #BACKSTAGE_POLL_MILLIS} ms for the people still waiting (a notification counts as held when
 * the query that first returned it came back). Run: {@code bench/run e2e}.
 */
@Tag("bench")
class EndToEndLatencyBenchmark {

	private static final List<Integer> RATES = Arrays.stream(System.getProperty("bench.rates", "1,2,5,10,20").split(","))
		.map(String::trim)
		.map(Integer::valueOf)
		.toList();

	private static final int SECONDS = Integer.getInteger("bench.seconds", 60);

	/** The engine's poll interval when given (e.g. 50ms), else its default; the report's name then says it. */
	private static final String POLL_INTERVAL = System.getProperty("bench.pollInterval", "");

	private static final long BACKSTAGE_POLL_MILLIS = 20;

	/** Backstage's pool, raised from the harness's 3 to our 10 as in the intake benchmark. */
	private static final int BACKSTAGE_POOL = 10;

	/** Slack's workspace budget for chat.postMessage, which the service keeps to on its own side too. */
	private static final SlidingWindowBound SLACK_BUDGET = new SlidingWindowBound(300, Duration.ofMinutes(1));

	private static final Pattern NAME = Pattern.compile("e2e-[a-z0-9]+-[cr]-\\d+");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** One rate: {@code rate} inquiries a second for {@code seconds}; its people are named {@code e2e-<id>-c|r-<i>}. */
	record Phase(String id, int rate, int seconds) {

		int count() {
			return rate * seconds;
		}

		String contact(int i) {
			return "e2e-" + id + "-c-" + i;
		}

		String requester(int i) {
			return "e2e-" + id + "-r-" + i;
		}
	}

	@Test
	void inquiriesReachSlackAndBackstageAtFixedRates() throws Exception {
		var phases = new ArrayList<Phase>();
		phases.add(new Phase("w", 2, 15));
		for (int p = 0; p < RATES.size(); p++) {
			phases.add(new Phase(String.valueOf(p + 1), RATES.get(p), SECONDS));
		}
		try (var report = BenchReport.start(POLL_INTERVAL.isEmpty() ? "e2e" : "e2e-poll" + POLL_INTERVAL);
				var simulator = SlackSimulator.start(SlackSimulator.options().rateLimits(RateLimits.slackTiers()));
				var backstage = BackstageHarness.startedWith(
						Map.of("APP_CONFIG_backend_database_knexConfig_pool_max", String.valueOf(BACKSTAGE_POOL)))) {
			Map<String, String> dmOwners = seedSlackUsers(simulator, phases);
			Path members = writeMembers(phases);
			String jdbcUrl = PostgresDatabases.fresh("bench_e2e");
			try (var service = ServiceProcess.start(jdbcUrl, "e2e", backstage.baseUrl().toString(), """
					notifications:
					  enabled: true
					  %s
					backstage:
					  token: %s
					slack:
					  token: %s
					  appToken: %s
					  apiUrl: %s
					""".formatted(POLL_INTERVAL.isEmpty() ? "" : "delivery: {pollInterval: " + POLL_INTERVAL + "}", backstage.serviceToken(), SlackSimulator.BOT_TOKEN, SlackSimulator.APP_TOKEN, simulator.apiUrl()), members);
					Connection ours = DriverManager.getConnection(jdbcUrl);
					var poller = new BackstagePoller(backstage.jdbcUrl("notifications"))) {
				long readyRss = BenchReport.residentMiB(service.pid());
				fillSlackCaches(ours, dmOwners);
				describe(report, service, phases);
				Map<Phase, String[]> gigs = createGigs(service, userToken(backstage, "e2e-author"), phases);

				var results = new ArrayList<PhaseResult>();
				Instant lastPost = Instant.EPOCH;
				for (Phase phase : phases) {
					// Start each rate with an empty Slack budget window, as the bound assumes.
					Duration coolDown = Duration.between(Instant.now(), lastPost.plus(SLACK_BUDGET.window()).plusSeconds(1));
					if (!coolDown.isNegative()) {
						Thread.sleep(coolDown.toMillis());
					}
					List<String> tokens = parallel(phase.count(), i -> userToken(backstage, phase.requester(i)));
					PhaseResult result = run(phase, gigs.get(phase), tokens, service, simulator, ours, poller, dmOwners);
					lastPost = result.lastPost().isAfter(lastPost) ? result.lastPost() : lastPost;
					System.out.println("bench e2e: " + result.contactRow());
					if (!phase.id().equals("w")) {
						results.add(result);
					}
				}
				long endRss = BenchReport.residentMiB(service.pid());
				writeResults(report, results, service, readyRss, endRss);
				report.write();
				assertThat(results).allSatisfy(r -> {
					assertThat(r.apiFailures()).as("API failures at %d/s: %s", r.phase().rate(), r.firstFailure()).isZero();
					assertThat(r.lost()).as("lost at %d/s", r.phase().rate()).isZero();
				});
			}
		}
	}

	// --- one rate

	/** What one rate measured; latencies from each inquiry's due time. */
	record PhaseResult(Phase phase, int sent, long apiFailures, String firstFailure, Latencies api, Latencies contactSlack,
			Latencies contactBackstage, Latencies allSlack, Latencies slackBound, Latencies allBackstage,
			Latencies allBackstageCreated, long lost, long duplicatedDms, long duplicatedBackstage, long tooMany,
			Map<String, String> engine, Map<String, Long> statuses, double slackHandOversPerDm, double backstageSendMillis,
			String load, boolean drained, Instant lastPost) {

		String contactRow() {
			return String.format("| %d | %d | %d | %s | %s | %s | %s | %s |", phase.rate(), sent, apiFailures, api.summary(),
					contactSlack.summary(), contactBackstage.summary(), lost + (drained ? "" : " (not drained)"), load);
		}

		String allRow() {
			return String.format("| %d | %d (%d/min offered) | %s | %s | %d | %d | %.1f | %s | %s | %d | %s | %s | %.0f ms | %s |", phase.rate(),
					allSlack.count(), phase.rate() * 2 * 60, allSlack.summary(), slackBound.summary(), tooMany, duplicatedDms,
					slackHandOversPerDm, allBackstage.summary(), allBackstageCreated.summary(), duplicatedBackstage, engine.getOrDefault("slack", "–"),
					engine.getOrDefault("backstage", "–"), backstageSendMillis, statuses);
		}
	}

	private PhaseResult run(Phase phase, String[] gigs, List<String> tokens, ServiceProcess service, SlackSimulator simulator,
			Connection ours, BackstagePoller poller, Map<String, String> dmOwners) throws Exception {
		int count = phase.count();
		long interval = 1_000_000_000L / phase.rate();
		Instant[] due = new Instant[count];
		long[] apiNanos = new long[count];
		int[] status = new int[count];
		var failure = new ConcurrentHashMap<String, String>();
		var calls = new ArrayList<CompletableFuture<?>>(count);
		simulator.clearRequests();
		PrometheusText metricsBefore = metrics(service);
		long startNanos = System.nanoTime() + 200_000_000L;
		Instant startWall = Instant.now().plusMillis(200);
		for (int i = 0; i < count; i++) {
			long dueNanos = startNanos + i * interval;
			for (long wait = dueNanos - System.nanoTime(); wait > 0; wait = dueNanos - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			due[i] = startWall.plusNanos(i * interval);
			poller.expect(ref(phase.contact(i)));
			poller.expect(ref(phase.requester(i)));
			int index = i;
			calls.add(http.sendAsync(HttpRequest.newBuilder(service.baseUrl().resolve("/api/skill-exchange/gigs/" + gigs[i] + "/connections"))
				.header("Authorization", "Bearer " + tokens.get(i))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"I'd like to join; inquiry " + i + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
					apiNanos[index] = System.nanoTime() - dueNanos;
					status[index] = response == null ? 0 : response.statusCode();
					if (error != null || response.statusCode() != 201) {
						failure.putIfAbsent("first", error != null ? error.toString() : "HTTP " + response.statusCode() + " " + response.body());
					}
				}));
		}
		CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
		for (int i = 0; i < count; i++) {
			if (status[i] != 201) {
				poller.forget(ref(phase.contact(i)));
				poller.forget(ref(phase.requester(i)));
			}
		}
		boolean drained = awaitDrained(ours, poller, 2L * count);
		PrometheusText metricsAfter = metrics(service);

		// Slack: when each DM's successful chat.postMessage reached the simulator, by DM channel (one person each).
		Map<String, List<Instant>> posts = new HashMap<>();
		long tooMany = 0;
		for (RecordedRequest request : simulator.requests("chat.postMessage")) {
			if (request.status() == 429) {
				tooMany++;
			}
			else if (request.status() == 200 && request.error() == null) {
				posts.computeIfAbsent(request.params().get("channel"), key -> new ArrayList<>()).add(request.at());
			}
		}
		Map<String, Instant> firstPost = new HashMap<>();
		posts.forEach((channel, times) -> firstPost.put(dmOwners.get(channel), times.stream().min(Instant::compareTo).orElseThrow()));
		long duplicatedDms = posts.values().stream().mapToLong(times -> times.size() - 1).sum();
		Instant lastPost = posts.values().stream().flatMap(List::stream).max(Instant::compareTo).orElse(Instant.EPOCH);

		var api = new ArrayList<Duration>();
		var contactSlack = new ArrayList<Duration>();
		var contactBackstage = new ArrayList<Duration>();
		var allSlack = new ArrayList<Duration>();
		var allBackstage = new ArrayList<Duration>();
		var allCreated = new ArrayList<Duration>();
		var slackDue = new ArrayList<Instant>();
		long lost = 0;
		long failures = 0;
		for (int i = 0; i < count; i++) {
			api.add(Duration.ofNanos(apiNanos[i]));
			if (status[i] != 201) {
				failures++;
				continue;
			}
			for (String person : List.of(ref(phase.contact(i)), ref(phase.requester(i)))) {
				boolean contact = person.equals(ref(phase.contact(i)));
				slackDue.add(due[i]);
				Instant slackAt = firstPost.get(person);
				Instant held = poller.seen(person);
				lost += (slackAt == null ? 1 : 0) + (held == null ? 1 : 0);
				if (slackAt != null) {
					allSlack.add(Duration.between(due[i], slackAt));
					if (contact) {
						contactSlack.add(Duration.between(due[i], slackAt));
					}
				}
				if (held != null) {
					allBackstage.add(Duration.between(due[i], held));
					allCreated.add(Duration.between(due[i], poller.created(person)));
					if (contact) {
						contactBackstage.add(Duration.between(due[i], held));
					}
				}
			}
		}
		var bound = new ArrayList<Duration>();
		List<Instant> earliest = SLACK_BUDGET.earliestSends(slackDue);
		for (int k = 0; k < slackDue.size(); k++) {
			bound.add(Duration.between(slackDue.get(k), earliest.get(k)));
		}
		return new PhaseResult(phase, count, failures, failure.getOrDefault("first", ""), Latencies.of(api), Latencies.of(contactSlack),
				Latencies.of(contactBackstage), Latencies.of(allSlack), Latencies.of(bound), Latencies.of(allBackstage),
				Latencies.of(allCreated), lost, duplicatedDms, poller.duplicates(phase), tooMany, engineTimes(ours, phase),
				statuses(ours, phase),
				delta(metricsBefore, metricsAfter, "skill_exchange_deliveries_total", Map.of("channel", "slack")) / Math.max(1, allSlack.size()),
				1000 * delta(metricsBefore, metricsAfter, "skill_exchange_delivery_send_seconds_sum", Map.of("channel", "backstage"))
						/ delta(metricsBefore, metricsAfter, "skill_exchange_delivery_send_seconds_count", Map.of("channel", "backstage")),
				BenchReport.loadAverage().split(" ")[0], drained, lastPost);
	}

	/** A user token; tried again for a while, since the shared PostgreSQL can refuse Backstage a connection ("too many clients"). */
	private static String userToken(BackstageHarness backstage, String name) {
		return await("user token for " + name).atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> backstage.userToken(name), Objects::nonNull);
	}

	private PrometheusText metrics(ServiceProcess service) {
		var response = send(HttpRequest.newBuilder(service.baseUrl().resolve("/actuator/prometheus")).build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("/actuator/prometheus: HTTP " + response.statusCode());
		}
		return PrometheusText.parse(response.body());
	}

	private static double delta(PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
		return after.sum(name, labels) - before.sum(name, labels);
	}

	/** Until no delivery is open in our database and Backstage's poller has found what it waits for. */
	private static boolean awaitDrained(Connection ours, BackstagePoller poller, long dms) {
		// The Slack budget sends 300 a minute: the DMs of a rate above it take that long to leave.
		Duration limit = Duration.ofSeconds(dms * 60 / SLACK_BUDGET.limit() + 180);
		try {
			await("deliveries final").atMost(limit).pollInterval(Duration.ofMillis(250)).until(() -> openDeliveries(ours) == 0);
			await("Backstage notifications seen").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(poller::idle);
			return true;
		}
		catch (ConditionTimeoutException e) {
			return false;
		}
	}

	private static long openDeliveries(Connection ours) throws SQLException {
		try (var rows = ours.createStatement().executeQuery("select count(*) from delivery where status in ('PENDING', 'SENDING')")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** Per channel, p50 / p99 from our notification being recorded to the channel's answer (claim wait plus send). */
	private static Map<String, String> engineTimes(Connection ours, Phase phase) throws SQLException {
		var times = new TreeMap<String, String>();
		try (var statement = ours.prepareStatement("""
				select d.channel,
				       percentile_cont(0.5) within group (order by extract(epoch from d.completed_at - n.created_at)),
				       percentile_cont(0.99) within group (order by extract(epoch from d.completed_at - n.created_at))
				from delivery d join notification n on n.id = d.notification_id
				where d.recipient like ? and d.completed_at is not null group by d.channel""")) {
			statement.setString(1, ref("e2e-" + phase.id() + "-") + "%");
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					times.put(rows.getString(1), Latencies.format(rows.getDouble(2) * 1000) + " / " + Latencies.format(rows.getDouble(3) * 1000));
				}
			}
		}
		return times;
	}

	private static Map<String, Long> statuses(Connection ours, Phase phase) throws SQLException {
		var counts = new TreeMap<String, Long>();
		try (var statement = ours.prepareStatement(
				"select channel, status, count(*) from delivery where recipient like ? group by channel, status")) {
			statement.setString(1, ref("e2e-" + phase.id() + "-") + "%");
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					counts.put(rows.getString(1) + " " + rows.getString(2), rows.getLong(3));
				}
			}
		}
		return counts;
	}

	// --- Backstage: one poller for every notification still awaited

	/** Reads Backstage's notification table for the people still waiting, every few ms, from one thread. */
	static final class BackstagePoller implements AutoCloseable {

		private final Connection connection;

		private final Map<String, Boolean> awaited = new ConcurrentHashMap<>();

		private final Map<String, Instant> seen = new ConcurrentHashMap<>();

		private final Map<String, Instant> created = new ConcurrentHashMap<>();

		private final Thread thread;

		private volatile boolean stopped;

		private volatile boolean busy;

		BackstagePoller(String jdbcUrl) throws SQLException {
			this.connection = DriverManager.getConnection(jdbcUrl);
			this.thread = new Thread(this::poll, "bench-backstage-poller");
			thread.setDaemon(true);
			thread.start();
		}

		void expect(String user) {
			awaited.put(user, Boolean.TRUE);
		}

		void forget(String user) {
			awaited.remove(user);
		}

		boolean idle() {
			return awaited.isEmpty() && !busy;
		}

		/** When the poller first got the user's notification back; null if never. */
		Instant seen(String user) {
			return seen.get(user);
		}

		/** Backstage's own {@code created} stamp, set when its send handler began. */
		Instant created(String user) {
			return created.get(user);
		}

		/** Notifications beyond one per person of the phase, as Backstage stored them. */
		long duplicates(Phase phase) throws SQLException {
			try (var statement = connection.prepareStatement(
					"select coalesce(sum(n - 1), 0) from (select count(*) n from notification where \"user\" like ? group by \"user\") c")) {
				statement.setString(1, ref("e2e-" + phase.id() + "-") + "%");
				try (var rows = statement.executeQuery()) {
					rows.next();
					return rows.getLong(1);
				}
			}
		}

		private void poll() {
			try (var statement = connection.prepareStatement("select \"user\", created from notification where \"user\" = any(?)")) {
				while (!stopped) {
					LockSupport.parkNanos(BACKSTAGE_POLL_MILLIS * 1_000_000);
					if (awaited.isEmpty()) {
						continue;
					}
					busy = true;
					statement.setArray(1, connection.createArrayOf("varchar", awaited.keySet().toArray()));
					var found = new HashMap<String, Instant>();
					try (var rows = statement.executeQuery()) {
						while (rows.next()) {
							found.put(rows.getString(1), rows.getTimestamp(2).toInstant());
						}
					}
					Instant now = Instant.now();
					found.forEach((user, stamp) -> {
						seen.putIfAbsent(user, now);
						created.putIfAbsent(user, stamp);
						awaited.remove(user);
					});
					busy = false;
				}
			}
			catch (SQLException e) {
				if (!stopped) {
					throw new IllegalStateException("Backstage poller stopped: " + e.getMessage(), e);
				}
			}
		}

		@Override
		public void close() throws Exception {
			stopped = true;
			thread.join(5000);
			connection.close();
		}
	}

	// --- setup

	private void describe(BenchReport report, ServiceProcess service, List<Phase> phases) throws IOException {
		report.version("Backstage @backstage/plugin-notifications-backend", backstageVersion("plugin-notifications-backend"))
			.version("Backstage @backstage/backend-defaults", backstageVersion("backend-defaults"))
			.version("Node", command("node", "--version"))
			.version("Slack SDK (in the service)", "com.slack.api:slack-api-client " + pomProperty("slack.version"))
			.setting("rates (inquiries per second, open loop, one after another)", RATES + ", " + SECONDS + " s each (-Dbench.rates, "
					+ "-Dbench.seconds); before them, unreported, a warm-up of 2/s for 15 s")
			.setting("inquiry", "POST /api/skill-exchange/gigs/{id}/connections with a real Backstage user token of the requester "
					+ "(harness test-user provider, verified by the service against Backstage's JWKS); each inquiry on a gig of its own "
					+ "(mentorship, created beforehand) with a contact of its own, from a requester of their own: it records "
					+ "gig.inquiry to the contact and gig.inquiry.confirmation to the requester, so 2 Slack DMs and 2 Backstage "
					+ "notifications per inquiry, each one person's only one in the run")
			.setting("latency", "from the inquiry's due time (start + i / rate, so a late send counts) to: the simulator receiving "
					+ "the chat.postMessage that it answered ok (its request record); Backstage holding the notification (a single "
					+ "poller in the test JVM queries Backstage's notification table every " + BACKSTAGE_POLL_MILLIS + " ms for the "
					+ "people still waiting; held = when the query that first returned it came back, so up to "
					+ BACKSTAGE_POLL_MILLIS + " ms late); Backstage's own created stamp (set when its send handler starts) as a lower bound")
			.setting("between rates", "every delivery final in our database and every Backstage notification found, then a pause "
					+ "until the last DM is 61 s old, so each rate starts with an empty Slack budget window")
			.setting("Skill Exchange", "java -jar target/skill-exchange.jar serve (default JVM flags), own database on PostgreSQL, "
					+ "both channels on, delivery engine (skillExchange.notifications.delivery): "
					+ (POLL_INTERVAL.isEmpty() ? "defaults, pollInterval 500ms" : "pollInterval " + POLL_INTERVAL + " (-Dbench.pollInterval; default 500ms)")
					+ ", batchSize 50, concurrency 8; its own Slack limiter: chat.postMessage 1/s per DM and 300/min per workspace; "
					+ "time to ready " + service.millisToReady() + " ms")
			.setting("Slack", "org.skillexchange.slacksim simulator in the test JVM with RateLimits.slackTiers() (chat.postMessage 3 per 3 s "
					+ "per channel and 300/min per workspace; lookups Tier 3), Socket Mode on; " + 2 * phases.stream().mapToInt(Phase::count).sum()
					+ " users; slack_user_cache and slack_dm_cache filled beforehand as an earlier DM leaves them, so a DM is one "
					+ "chat.postMessage")
			.setting("Backstage", "src/test/backstage-harness (notifications + signals + auth), own databases on the same PostgreSQL, "
					+ "knex pool max " + BACKSTAGE_POOL + ", no notification processors; Skill Exchange sends with its static token");
	}

	/** Every contact and requester in the simulated workspace with an open DM; returns DM channel to entity ref. */
	private static Map<String, String> seedSlackUsers(SlackSimulator simulator, List<Phase> phases) {
		var owners = new HashMap<String, String>();
		for (String name : people(phases)) {
			String userId = slackId(name);
			simulator.addUser(SimulatedUser.active(userId, email(name), name));
			owners.put(simulator.dmWith(userId), ref(name));
		}
		return owners;
	}

	/** What earlier DMs leave in the service's database: each person's Slack id by email, and their DM. */
	private static void fillSlackCaches(Connection ours, Map<String, String> dmOwners) throws SQLException {
		var expires = Timestamp.from(Instant.now().plus(Duration.ofDays(7)));
		try (var users = ours.prepareStatement("insert into slack_user_cache (email, user_id, expires_at) values (?, ?, ?)");
				var dms = ours.prepareStatement("insert into slack_dm_cache (user_id, channel_id, expires_at) values (?, ?, ?)")) {
			for (var dm : dmOwners.entrySet()) {
				String name = dm.getValue().substring("user:default/".length());
				users.setString(1, email(name));
				users.setString(2, slackId(name));
				users.setTimestamp(3, expires);
				users.addBatch();
				dms.setString(1, slackId(name));
				dms.setString(2, dm.getKey());
				dms.setTimestamp(3, expires);
				dms.addBatch();
			}
			users.executeBatch();
			dms.executeBatch();
		}
	}

	/** One mentorship per contact, created by one author through the API, the contact its owner. */
	private Map<Phase, String[]> createGigs(ServiceProcess service, String authorToken, List<Phase> phases) throws Exception {
		var gigs = new HashMap<Phase, String[]>();
		for (Phase phase : phases) {
			List<String> ids = parallel(phase.count(), i -> {
				String contact = ref(phase.contact(i));
				String body = JSON.writeValueAsString(Map.of("type", "mentorship", "title", "Kotlin mentorship " + phase.contact(i),
						"skills", List.of("kotlin"), "location", "Remote", "contact", contact, "owners", List.of(contact), "mentorship",
						Map.of("meetType", "VIRTUAL", "requestType", "OFFERING_MENTORSHIP")));
				var response = send(HttpRequest.newBuilder(service.baseUrl().resolve("/api/skill-exchange/gigs"))
					.header("Authorization", "Bearer " + authorToken)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build());
				if (response.statusCode() != 201) {
					throw new IllegalStateException("creating a gig: HTTP " + response.statusCode() + " " + response.body());
				}
				return JSON.readTree(response.body()).path("id").asString();
			});
			gigs.put(phase, ids.toArray(String[]::new));
		}
		return gigs;
	}

	private static Path writeMembers(List<Phase> phases) throws IOException {
		var yaml = new StringBuilder(member("e2e-author"));
		for (String name : people(phases)) {
			yaml.append("---\n").append(member(name));
		}
		Path file = Path.of("target", "bench", "e2e-members.yaml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, yaml);
		return file;
	}

	private static String member(String name) {
		return """
				apiVersion: backstage.io/v1alpha1
				kind: User
				metadata:
				  name: %s
				spec:
				  profile:
				    email: %s
				""".formatted(name, email(name));
	}

	private static List<String> people(List<Phase> phases) {
		var names = new ArrayList<String>();
		for (Phase phase : phases) {
			IntStream.range(0, phase.count()).forEach(i -> {
				names.add(phase.contact(i));
				names.add(phase.requester(i));
			});
		}
		return names;
	}

	private static String ref(String name) {
		return "user:default/" + name;
	}

	private static String email(String name) {
		return name + "@example.com";
	}

	private static String slackId(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("not a benchmark person: " + name);
		}
		return "U" + name.replace("-", "").toUpperCase();
	}

	// --- results

	private static void writeResults(BenchReport report, List<PhaseResult> results, ServiceProcess service, long readyRss, long endRss) {
		report.result("""
				### The inquiry to the post's contact (gig.inquiry): from the API call to each channel

				Latency from the inquiry's due time; p50 / p99 / max. Lost: notifications of the rate's inquiries (both people, both
				channels) that never arrived.

				| rate (inquiries/s) | inquiries | API errors | API response | Slack DM received | Backstage holds it | lost | 1-min load at the end |
				|---|---|---|---|---|---|---|---|""");
		results.forEach(r -> report.result(r.contactRow()));
		report.result("""

				### Every notification of each rate (the inquiry to the contact and the confirmation to the requester)

				Slack's workspace budget (300 chat.postMessage a minute, kept by the service and by the simulator) bounds the DMs: the
				bound column is what a sender that posts each DM as soon as it is due and the budget allows would reach (see
				SlidingWindowBound). Slack hand-overs per DM: how often the engine claimed a Slack delivery and handed it to the
				channel (each time our limiter said "wait", the delivery was put back for later), from the service's
				skill_exchange_deliveries_total; 1.0 when nothing waited. Engine: from our notification being recorded (in the API's
				transaction) to the channel's answer, p50 / p99, read from our database. Backstage send: the mean time Backstage took to
				answer one send (skill_exchange_delivery_send_seconds).

				| rate | Slack DMs | Slack DM received | bound from Slack's budget | 429s | duplicated DMs | Slack hand-overs per DM | Backstage holds it | Backstage created stamp | duplicated in Backstage | engine, slack | engine, backstage | Backstage send | delivery statuses |
				|---|---|---|---|---|---|---|---|---|---|---|---|---|---|""");
		results.forEach(r -> report.result(r.allRow()));
		var bound = results.stream().filter(r -> r.slackBound().max() > 0).map(r -> r.phase().rate() + "/s").toList();
		report.result(String.format("""

				Limit-bound for Slack (the bound is above 0): %s. Two DMs per inquiry, so more than %.1f inquiries/s exceed the
				300/min budget once its first minute is spent, and the Slack latency of such a rate grows through the run. The
				Backstage channel has no such limit.

				Service footprint in this run: ready in %d ms, %d MiB resident at ready, %d MiB after the last rate.
				""", bound.isEmpty() ? "none of these rates" : String.join(", ", bound), SLACK_BUDGET.limit() / 120.0,
				service.millisToReady(), readyRss, endRss));
	}

	// --- helpers

	private <T> List<T> parallel(int count, IntFunction<T> task) throws InterruptedException, ExecutionException {
		var pool = Executors.newFixedThreadPool(4);
		try {
			var futures = new ArrayList<Future<T>>(count);
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit(() -> task.apply(index)));
			}
			var results = new ArrayList<T>(count);
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String backstageVersion(String plugin) throws IOException {
		Path packageJson = Path.of("src/test/backstage-harness/node_modules/@backstage", plugin, "package.json");
		return Files.exists(packageJson) ? JSON.readTree(Files.readString(packageJson)).path("version").asString() : "not installed";
	}

	private static String pomProperty(String name) throws IOException {
		var matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)<").matcher(Files.readString(Path.of("pom.xml")));
		return matcher.find() ? matcher.group(1) : "unknown";
	}

	private static String command(String... command) throws IOException {
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		return new String(process.getInputStream().readAllBytes()).trim();
	}
}

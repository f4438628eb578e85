package org.skillexchange.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.notifications.NotificationRequest;
import org.skillexchange.notifications.NotificationSettings;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.Notifications;
import org.skillexchange.slacksim.RateLimits;
import org.skillexchange.slacksim.RecordedRequest;
import org.skillexchange.slacksim.SimulatedUser;
import org.skillexchange.slacksim.SlackSimulator;
import org.skillexchange.testsupport.BackstageHarness;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Backstage's own Slack processor ({@code @backstage/plugin-notifications-backend-module-slack}, in the real
 * Backstage backend of {@code src/test/backstage-harness}, its Slack client pointed at our simulator) side by
 * side with our Slack channel: the same simulator enforcing Slack's published tiers, the same 1,000 people,
 * one notification to all of them. Completion time, API calls per DM, 429s, people who got no DM; Backstage
 * at its default throttle (10 per minute, a small N, extrapolated), with a throttle tuned to the workspace's
 * chat.postMessage budget, with Slack ids in the catalog or looked up by email, and restarted mid-broadcast.
 * Run: {@code bench/run slackpeer}.
 */
@Tag("bench")
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BackstageSlackProcessorBenchmark {

	private static final int PEOPLE = Integer.getInteger("bench.people", 1000);

	/** Our cold run's size; the rest of the people get their lookups cached as a cold run leaves them. */
	private static final int OURS_COLD = Integer.getInteger("bench.oursCold", PEOPLE);

	/** At Backstage's default 10 DMs per minute 1,000 people take 99 minutes: measure a few and extrapolate. */
	private static final int DEFAULTS_PEOPLE = Integer.getInteger("bench.defaultsPeople", 30);

	private static final List<String> ALL_RUNS = List.of("defaults", "annotated", "email", "restart", "oursCold", "oursWarm");

	/** Which runs to make, e.g. {@code -Dbench.runs=restart}; all by default. */
	private static final Set<String> RUNS = Set.of(System.getProperty("bench.runs", String.join(",", ALL_RUNS)).split(","));

	private static final Duration RESTART_AFTER = Duration.ofSeconds(Long.getLong("bench.restartAfterSeconds", 30));

	/** No Slack call for this long ends a run whose recipients are not all accounted for. */
	private static final Duration QUIET = Duration.ofSeconds(Long.getLong("bench.quietSeconds", 300));

	/** After a restart nothing is retried (the queue was in memory), so a shorter quiet period suffices. */
	private static final Duration QUIET_AFTER_RESTART = Duration.ofSeconds(60);

	/** The tuned throttle: the simulated workspace's chat.postMessage budget, 300 per minute. */
	private static final int TUNED_LIMIT = 300;

	private static final int TUNED_INTERVAL_SECONDS = 60;

	private static final int BACKSTAGE_DEFAULT_PER_MINUTE = 10;

	private static final int TIER3_PER_MINUTE = 50;

	private static final int POSTS_PER_MINUTE = 300;

	/** One line per person who got no DM because no Slack id was found (the email lookup failed or found nobody). */
	private static final String NO_TARGET = "No slack.com/bot-notify annotation found for user";

	/** One line per chat.postMessage the processor gave up on. */
	private static final String SEND_FAILED = "Failed to send Slack channel notification to";

	/** One line per person whose DM was given up before any Slack call, e.g. when the catalog refused the processor. */
	private static final String POST_PROCESS_FAILED = "Error while post processing notification with SlackNotificationProcessor";

	private static final String TITLE = "Hack digest";

	private static final String DESCRIPTION = "Three new comments on your hack";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path DIRECTORY = Path.of("target", "bench", "slackpeer");

	static final SlackSimulator SIMULATOR = SlackSimulator.start(SlackSimulator.options().rateLimits(RateLimits.slackTiers()));

	private static final Path MEMBERS = writePeople();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/** Lines for the report after the table. */
	private final List<String> notes = new ArrayList<>();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry, "bench_slackpeer");
		registry.add("skill-exchange.slack.token", () -> SlackSimulator.BOT_TOKEN);
		registry.add("skill-exchange.slack.api-url", SIMULATOR::apiUrl);
		registry.add("skill-exchange.members.source", () -> "file");
		registry.add("skill-exchange.members.file", () -> MEMBERS.toAbsolutePath().toString());
	}

	@AfterAll
	static void stopSimulator() {
		SIMULATOR.close();
	}

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationSettings settings;

	@Autowired
	JdbcClient jdbc;

	/** What one run left in the simulator, and how it ended. */
	record Run(String who, String name, int people, double seconds, double boundSeconds, long dms, long duplicated,
			Map<String, Long> byMethod, long calls, long tooMany, String endedBy) {

		long lost() {
			return people - dms;
		}

		String row() {
			return String.format("| %s | %s | %d | %s | %.0f s | %d | **%d** | %d | %d | %s | %s | %d | %s |", who, name, people,
					Double.isNaN(seconds) ? "–" : String.format("%.1f s", seconds), boundSeconds, dms, lost(), duplicated, calls,
					dms == 0 ? "–" : String.format("%.2f", (double) calls / dms), byMethod, tooMany, endedBy);
		}
	}

	@Test
	void backstageSlackProcessorSideBySideWithOurSlackChannel() throws Exception {
		// A subset of the runs gets a report of its own, so that it does not replace the day's full report.
		String scenario = RUNS.containsAll(ALL_RUNS) ? "slackpeer"
				: "slackpeer-" + ALL_RUNS.stream().filter(RUNS::contains).collect(Collectors.joining("-"));
		try (var report = BenchReport.start(scenario)) {
			report.version("Backstage @backstage/plugin-notifications-backend", npmVersion("@backstage/plugin-notifications-backend"))
				.version("Backstage @backstage/plugin-notifications-backend-module-slack",
						npmVersion("@backstage/plugin-notifications-backend-module-slack"))
				.version("Backstage @backstage/plugin-catalog-backend", npmVersion("@backstage/plugin-catalog-backend"))
				.version("Backstage's Slack client @slack/web-api", npmVersion("@slack/web-api"))
				.version("Node", command("node", "--version"))
				.version("our Slack SDK", "com.slack.api:slack-api-client 1.51.0")
				.setting("Slack", "one org.skillexchange.slacksim simulator in the test JVM for both sides, RateLimits.slackTiers(): "
						+ "users.lookupByEmail and conversations.open 50/min, chat.postMessage 3 per 3 s per channel and 300/min "
						+ "per workspace (as bench/run fanout); each run starts after 61 s without any call, so with a fresh budget")
				.setting("people", PEOPLE + " distinct people in the simulated workspace, the same people for every run "
						+ "(peer-<i>, peer-<i>@example.com); a run's DMs are the new messages in their DM channels")
				.setting("notification (both sides)", "one notification to all the people at once: title \"" + TITLE
						+ "\", description \"" + DESCRIPTION + "\"")
				.setting("Skill Exchange", "this JVM's Spring context, Slack channel (official Java SDK), PostgreSQL, workers on, batch "
						+ settings.delivery().batchSize() + ", concurrency " + settings.delivery().concurrency() + "; members file "
						+ "with email only; cold: nothing cached (" + OURS_COLD + " people), warm: the lookup caches as the cold run "
						+ "left them" + (OURS_COLD < PEOPLE ? " (filled directly for the " + (PEOPLE - OURS_COLD) + " people the cold run did not reach)" : ""))
				.setting("Backstage", "src/test/backstage-harness with ENABLE_CATALOG, ENABLE_SLACK and SLACK_API_URL (index.js swaps "
						+ "the module's WebClient for one with that slackApiUrl; nothing else patched), PostgreSQL, knex pool max 10; "
						+ "catalog from a file: users peer-<i> with spec.profile.email (the processor calls users.lookupByEmail for "
						+ "every DM, it caches no Slack id) and users peer-a-<i> with the annotation slack.com/bot-notify: <Slack id> "
						+ "(no lookup); sent as one POST /api/notifications/notifications with the " + PEOPLE
						+ " user refs (the backend's own send throttle at its default)")
				.setting("Backstage throttle, default", "notifications.processors.slack[0] with only a token: concurrencyLimit 10 per "
						+ "throttleInterval 1 minute = 10 DMs per minute per instance; run with " + DEFAULTS_PEOPLE + " people and "
						+ "extrapolated")
				.setting("Backstage throttle, tuned", "concurrencyLimit " + TUNED_LIMIT + " per throttleInterval " + TUNED_INTERVAL_SECONDS
						+ " s: the workspace's chat.postMessage budget of 300 per minute")
				.setting("restart", "Backstage (tuned throttle, Slack ids in the catalog) stopped with SIGTERM " + RESTART_AFTER.toSeconds()
						+ " s after the send and started again at once on the same databases")
				.setting("end of a run", "every person has a DM, or (Backstage) the log accounts for each of the others with \"" + NO_TARGET
						+ "\", \"" + SEND_FAILED + "\" or \"" + POST_PROCESS_FAILED + "\", or (ours) no delivery is open; failing that, " + QUIET.toSeconds()
						+ " s without any Slack call (" + QUIET_AFTER_RESTART.toSeconds() + " s after the restart)");

			var runs = new ArrayList<Run>();
			report.result("""
					| side | run | people | completed (last DM) | lower bound | DMs received | lost (no DM) | duplicated DMs | \
					API calls | calls per DM | by method | 429s received | ended by |
					|---|---|---|---|---|---|---|---|---|---|---|---|---|""");

			Path catalog = writeBackstageCatalog();
			double defaultsBound = (Math.ceil(DEFAULTS_PEOPLE / (double) BACKSTAGE_DEFAULT_PER_MINUTE) - 1) * 60;
			double annotatedBound = Math.max(lowerBoundSeconds(PEOPLE, POSTS_PER_MINUTE), throttleBoundSeconds(PEOPLE));
			String restartName = "tuned throttle, Slack ids in the catalog, restarted after " + RESTART_AFTER.toSeconds() + " s";
			try {
				if (RUNS.contains("defaults")) {
					try (var backstage = startBackstage(catalog, false)) {
						runs.add(attempt(report, "Backstage", "default throttle, lookup by email", DEFAULTS_PEOPLE, defaultsBound,
								() -> backstageRun(backstage, "default throttle, lookup by email", "peer-", DEFAULTS_PEOPLE, defaultsBound, false)));
					}
				}
				if (RUNS.contains("annotated") || RUNS.contains("email") || RUNS.contains("restart")) {
					try (var backstage = startBackstage(catalog, true)) {
						if (RUNS.contains("annotated")) {
							runs.add(attempt(report, "Backstage", "tuned throttle, Slack ids in the catalog", PEOPLE, annotatedBound,
									() -> backstageRun(backstage, "tuned throttle, Slack ids in the catalog", "peer-a-", PEOPLE, annotatedBound, false)));
						}
						if (RUNS.contains("email")) {
							runs.add(attempt(report, "Backstage", "tuned throttle, lookup by email", PEOPLE, lowerBoundSeconds(PEOPLE, TIER3_PER_MINUTE),
									() -> backstageRun(backstage, "tuned throttle, lookup by email", "peer-", PEOPLE,
											lowerBoundSeconds(PEOPLE, TIER3_PER_MINUTE), false)));
						}
						if (RUNS.contains("restart")) {
							// Last: right after a restart the catalog verifies the processor's token against a cold JWKS cache.
							runs.add(attempt(report, "Backstage", restartName, PEOPLE, annotatedBound,
									() -> backstageRun(backstage, restartName, "peer-a-", PEOPLE, annotatedBound, true)));
						}
					}
				}
				if (RUNS.contains("oursCold")) {
					runs.add(attempt(report, "Skill Exchange", "cold (nothing cached)", OURS_COLD, lowerBoundSeconds(OURS_COLD, TIER3_PER_MINUTE),
							() -> oursRun("cold (nothing cached)", OURS_COLD, lowerBoundSeconds(OURS_COLD, TIER3_PER_MINUTE))));
				}
				if (RUNS.contains("oursWarm")) {
					fillLookupCachesFrom(RUNS.contains("oursCold") ? OURS_COLD : 0);
					runs.add(attempt(report, "Skill Exchange", "warm (lookups cached)", PEOPLE, lowerBoundSeconds(PEOPLE, POSTS_PER_MINUTE),
							() -> oursRun("warm (lookups cached)", PEOPLE, lowerBoundSeconds(PEOPLE, POSTS_PER_MINUTE))));
				}
			}
			finally {
				// A run that failed, or a Backstage that would not start, still leaves a report of what was measured.
				report.result("\n" + String.join("\n", notes));
				if (runs.size() == ALL_RUNS.size()) {
					summarize(report, runs);
				}
				report.write();
			}
		}
	}

	/** A run that can fail; it then stands in the table as failed, and the next runs go on. */
	interface Measured {

		Run run() throws Exception;
	}

	private static Run attempt(BenchReport report, String who, String name, int people, double boundSeconds, Measured measured) {
		Run run;
		try {
			run = measured.run();
		}
		catch (Exception | AssertionError e) {
			e.printStackTrace();
			run = new Run(who, name, people, Double.NaN, boundSeconds, 0, 0, Map.of(), 0, 0,
					"failed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
		}
		report.result(run.row());
		return run;
	}

	// --- Backstage

	private BackstageHarness startBackstage(Path catalog, boolean tuned) throws Exception {
		Path overlay = DIRECTORY.resolve(tuned ? "app-config.slack-tuned.yaml" : "app-config.slack-default.yaml");
		Files.writeString(overlay, """
				# Written by BackstageSlackProcessorBenchmark: the benchmark's catalog and Backstage's Slack processor.
				catalog:
				  locations:
				    - type: file
				      target: %s
				notifications:
				  processors:
				    slack:
				      - token: %s
				%s""".formatted(catalog.toAbsolutePath(), SlackSimulator.BOT_TOKEN, tuned ? """
				        concurrencyLimit: %d
				        throttleInterval: { seconds: %d }
				""".formatted(TUNED_LIMIT, TUNED_INTERVAL_SECONDS) : ""));
		var backstage = BackstageHarness.startedWith(Map.of("ENABLE_CATALOG", "true", "ENABLE_SLACK", "true", "SLACK_API_URL",
				SIMULATOR.apiUrl(), "APP_CONFIG_backend_database_knexConfig_pool_max", "10"), List.of(overlay));
		Instant ready = Instant.now();
		String token = backstage.userToken("bench");
		await("catalog ingestion of " + 2 * PEOPLE + " users").atMost(Duration.ofMinutes(10))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> catalogUsers(backstage, token) >= 2L * PEOPLE);
		notes.add(String.format("- Backstage with the %s throttle: ready in %.1f s, its catalog of %,d users ingested %.1f s later.",
				tuned ? "tuned" : "default", backstage.millisToReady() / 1000.0, 2 * PEOPLE,
				Duration.between(ready, Instant.now()).toMillis() / 1000.0));
		System.out.println(notes.get(notes.size() - 1));
		return backstage;
	}

	private Run backstageRun(BackstageHarness backstage, String name, String namePrefix, int people, double boundSeconds,
			boolean restart) throws Exception {
		awaitFreshBudget();
		Map<String, Integer> before = dmCounts(people);
		long logOffset = Files.size(backstage.logFile());
		SIMULATOR.clearRequests();
		Instant started = Instant.now();
		var body = JSON.createObjectNode();
		ObjectNode recipients = body.putObject("recipients").put("type", "entity");
		var refs = recipients.putArray("entityRef");
		IntStream.range(0, people).forEach(i -> refs.add("user:default/" + namePrefix + i));
		body.putObject("payload").put("title", TITLE).put("description", DESCRIPTION).put("severity", "normal");
		var response = http.send(HttpRequest.newBuilder(backstage.baseUrl().resolve("/api/notifications/notifications"))
			.header("Authorization", "Bearer " + backstage.serviceToken())
			.header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || JSON.readTree(response.body()).size() != people) {
			throw new IllegalStateException("Backstage send: HTTP " + response.statusCode() + " " + response.body().lines().findFirst().orElse(""));
		}
		notes.add(String.format("- Backstage, %s: its send endpoint answered (%,d notifications stored) after %.1f s.", name, people,
				Duration.between(started, Instant.now()).toMillis() / 1000.0));
		if (restart) {
			await("restart moment").atMost(RESTART_AFTER.plusSeconds(5))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> Instant.now().isAfter(started.plus(RESTART_AFTER)));
			backstage.stop();
			backstage.start();
		}
		BooleanSupplier accounted = () -> dms(before) + failuresLogged(backstage, logOffset) >= people;
		String endedBy = awaitEnd(people, before, accounted, restart ? QUIET_AFTER_RESTART : QUIET, boundSeconds);
		return observed("Backstage", name, people, started, before, boundSeconds, endedBy);
	}

	private static long failuresLogged(BackstageHarness backstage, long offset) {
		String log = logFrom(backstage.logFile(), offset);
		return count(log, NO_TARGET) + count(log, SEND_FAILED) + count(log, POST_PROCESS_FAILED);
	}

	private long catalogUsers(BackstageHarness backstage, String token) throws Exception {
		var response = http.send(HttpRequest.newBuilder(backstage.baseUrl().resolve("/api/catalog/entities/by-query?filter=kind=user&limit=1"))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() == 200 ? JSON.readTree(response.body()).path("totalItems").asLong() : 0;
	}

	// --- Skill Exchange

	private Run oursRun(String name, int people, double boundSeconds) {
		awaitFreshBudget();
		Map<String, Integer> before = dmCounts(people);
		SIMULATOR.clearRequests();
		Instant started = Instant.now();
		UUID notification = notifications.record(NotificationRequest.of(NotificationType.HACK_DIGEST)
			.to(IntStream.range(0, people).mapToObj(i -> "user:default/peer-" + i).toList())
			.title(TITLE)
			.description(DESCRIPTION)
			.build()).orElseThrow();
		// The delivery rows are written after the notification's transaction; until then nothing is open either.
		String endedBy = awaitEnd(people, before, () -> deliveries(notification) >= people && open(notification) == 0, QUIET,
				boundSeconds);
		return observed("Skill Exchange", name, people, started, before, boundSeconds, endedBy);
	}

	private long deliveries(UUID notification) {
		return jdbc.sql("select count(*) from delivery where notification_id = :id and channel = 'slack'")
			.param("id", notification)
			.query(Long.class)
			.single();
	}

	private long open(UUID notification) {
		return jdbc.sql("select count(*) from delivery where notification_id = :id and channel = 'slack' and status in ('PENDING', 'SENDING')")
			.param("id", notification)
			.query(Long.class)
			.single();
	}

	/** What an earlier broadcast leaves behind for people from {@code from} on: their Slack ids and open DMs, cached. */
	private void fillLookupCachesFrom(int from) {
		Timestamp expires = Timestamp.from(Instant.now().plus(Duration.ofDays(7)));
		for (int i = from; i < PEOPLE; i++) {
			jdbc.sql("insert into slack_user_cache (email, user_id, expires_at) values (:email, :user, :expires) on conflict do nothing")
				.param("email", "peer-" + i + "@example.com")
				.param("user", userId(i))
				.param("expires", expires)
				.update();
			jdbc.sql("insert into slack_dm_cache (user_id, channel_id, expires_at) values (:user, :channel, :expires) on conflict do nothing")
				.param("user", userId(i))
				.param("channel", SIMULATOR.dmWith(userId(i)))
				.param("expires", expires)
				.update();
		}
	}

	// --- measuring, the same for both sides

	/** Waits until the run is accounted for, or for the quiet period without any Slack call, or a cap; says which. */
	private static String awaitEnd(int people, Map<String, Integer> before, BooleanSupplier accounted, Duration quiet,
			double boundSeconds) {
		Instant started = Instant.now();
		Duration cap = Duration.ofSeconds((long) (boundSeconds * 2) + 900);
		String[] endedBy = new String[1];
		await("end of the run").atMost(cap.plusMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			if (dms(before) >= people) {
				endedBy[0] = "every person has a DM";
			}
			else if (accounted.getAsBoolean()) {
				endedBy[0] = "the others accounted for as failed";
			}
			else if (Duration.between(lastCall(started), Instant.now()).compareTo(quiet) > 0) {
				endedBy[0] = quiet.toSeconds() + " s without a Slack call";
			}
			else if (Duration.between(started, Instant.now()).compareTo(cap) > 0) {
				endedBy[0] = "cap of " + cap.toSeconds() + " s";
			}
			return endedBy[0] != null;
		});
		return endedBy[0];
	}

	private static Instant lastCall(Instant otherwise) {
		List<RecordedRequest> requests = SIMULATOR.requests();
		return requests.isEmpty() ? otherwise : requests.get(requests.size() - 1).at();
	}

	/** Each run starts with Slack's windows empty: 61 s after the last call of the run before. */
	private static void awaitFreshBudget() {
		Instant now = Instant.now();
		await("a fresh Slack budget").atMost(Duration.ofMinutes(20))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> Duration.between(lastCall(now.minusSeconds(3600)), Instant.now()).toSeconds() >= 61);
	}

	private static Run observed(String who, String name, int people, Instant started, Map<String, Integer> before,
			double boundSeconds, String endedBy) {
		List<RecordedRequest> requests = SIMULATOR.requests();
		Instant lastDm = requests.stream()
			.filter(r -> r.method().equals("chat.postMessage") && r.status() == 200 && r.error() == null)
			.map(RecordedRequest::at)
			.max(Instant::compareTo)
			.orElse(null);
		double seconds = lastDm == null ? Double.NaN : Duration.between(started, lastDm).toMillis() / 1000.0;
		Map<String, Long> byMethod = requests.stream()
			.collect(Collectors.groupingBy(RecordedRequest::method, TreeMap::new, Collectors.counting()));
		long tooMany = requests.stream().filter(r -> r.status() == 429).count();
		long dms = 0;
		long duplicated = 0;
		for (var entry : before.entrySet()) {
			int added = SIMULATOR.messages(entry.getKey()).size() - entry.getValue();
			dms += added > 0 ? 1 : 0;
			duplicated += Math.max(0, added - 1);
		}
		return new Run(who, name, people, seconds, boundSeconds, dms, duplicated, byMethod, requests.size(), tooMany, endedBy);
	}

	/** Messages so far in the DM channel of each of the first {@code people} people. */
	private static Map<String, Integer> dmCounts(int people) {
		var counts = new HashMap<String, Integer>();
		for (int i = 0; i < people; i++) {
			String channel = SIMULATOR.dmWith(userId(i));
			counts.put(channel, SIMULATOR.messages(channel).size());
		}
		return counts;
	}

	private static long dms(Map<String, Integer> before) {
		return before.entrySet().stream().filter(e -> SIMULATOR.messages(e.getKey()).size() > e.getValue()).count();
	}

	static double lowerBoundSeconds(int people, int perMinute) {
		return Math.max(0, people - perMinute) * 60.0 / perMinute;
	}

	/** The tuned processor throttle alone: a window of TUNED_LIMIT sends per TUNED_INTERVAL_SECONDS. */
	private static double throttleBoundSeconds(int people) {
		return (Math.ceil(people / (double) TUNED_LIMIT) - 1) * TUNED_INTERVAL_SECONDS;
	}

	// --- the summary

	private static void summarize(BenchReport report, List<Run> runs) {
		Run defaults = runs.get(0);
		Run annotated = runs.get(1);
		Run byEmail = runs.get(2);
		Run restarted = runs.get(3);
		Run oursCold = runs.get(4);
		Run oursWarm = runs.get(5);
		double perBatch = defaults.seconds() / Math.max(1, Math.ceil(defaults.people() / (double) BACKSTAGE_DEFAULT_PER_MINUTE) - 1);
		double extrapolated = perBatch * (Math.ceil(PEOPLE / (double) BACKSTAGE_DEFAULT_PER_MINUTE) - 1);
		report.result("""

				**Backstage at its default throttle, %d people, extrapolated (not measured):** the processor sends 10 DMs per \
				minute per instance; %d people took %.1f s, %.1f s per further batch of 10, so %,d people would take about \
				%.0f minutes (%.0f s).

				| %,d people | Skill Exchange | Backstage | ratio (Backstage / ours) |
				|---|---|---|---|
				| steady state: ours with lookups cached, Backstage's processor looking up by email as it does on every send \
				(tuned throttle) | %s | %s | %s |
				| best case each: ours warm, Backstage with Slack ids in the catalog (tuned throttle) | %s | %s | %s |
				| first send to these people: ours cold, Backstage by email (tuned throttle) | %s | %s | %s |
				| Backstage at its default throttle | %s | about %.0f min (extrapolated from %d people) | %s |
				| restart mid-broadcast: lost | 0 of 10,000 over 5 kill -9 ([2026-12-04-kill](2026-12-04-kill.md)) | %s | – |
				""".formatted(PEOPLE, defaults.people(), defaults.seconds(), perBatch, PEOPLE, extrapolated / 60, extrapolated,
				PEOPLE, summary(oursWarm), summary(byEmail), ratio(byEmail, oursWarm), summary(oursWarm), summary(annotated),
				ratio(annotated, oursWarm), summary(oursCold), summary(byEmail), ratio(byEmail, oursCold), summary(oursWarm),
				extrapolated / 60, defaults.people(), oursWarm.seconds() > 0 ? String.format("%.0fx", extrapolated / oursWarm.seconds()) : "–",
				restarted.endedBy().startsWith("failed") ? "the run failed (see the table)"
						: restarted.lost() + " of " + restarted.people() + " (SIGTERM after " + RESTART_AFTER.toSeconds() + " s)"));
	}

	private static String summary(Run run) {
		return String.format("%s, %s calls per DM, %d lost, %d x 429", Double.isNaN(run.seconds()) ? "no DM" : String.format("%.1f s", run.seconds()),
				run.dms() == 0 ? "–" : String.format("%.2f", (double) run.calls() / run.dms()), run.lost(), run.tooMany());
	}

	private static String ratio(Run backstage, Run ours) {
		if (backstage.people() != ours.people() || Double.isNaN(backstage.seconds()) || Double.isNaN(ours.seconds())) {
			return "– (not the same people or no DM)";
		}
		return String.format("%.2fx time", backstage.seconds() / ours.seconds());
	}

	// --- files

	private static String userId(int i) {
		return "UPEER" + i;
	}

	/** The people in the simulated workspace, and the members file (catalog format, email only) our side reads. */
	private static Path writePeople() {
		var yaml = new StringBuilder();
		for (int i = 0; i < PEOPLE; i++) {
			SIMULATOR.addUser(SimulatedUser.active(userId(i), "peer-" + i + "@example.com", "peer-" + i));
			yaml.append(i == 0 ? "" : "---\n").append("""
					apiVersion: backstage.io/v1alpha1
					kind: User
					metadata:
					  name: peer-%d
					spec:
					  profile:
					    email: peer-%d@example.com
					  memberOf: []
					""".formatted(i, i));
		}
		return write(DIRECTORY.resolve("members.yaml"), yaml.toString());
	}

	/**
	 * Backstage's catalog: the same people by email, and again as peer-a-<i> with their Slack id annotated.
	 * Backstage's User kind requires {@code spec.memberOf}; without it the catalog rejects the entity.
	 */
	private static Path writeBackstageCatalog() throws IOException {
		var yaml = new StringBuilder(Files.readString(MEMBERS));
		for (int i = 0; i < PEOPLE; i++) {
			yaml.append("---\n").append("""
					apiVersion: backstage.io/v1alpha1
					kind: User
					metadata:
					  name: peer-a-%d
					  annotations:
					    slack.com/bot-notify: %s
					spec:
					  memberOf: []
					""".formatted(i, userId(i)));
		}
		return write(DIRECTORY.resolve("backstage-catalog.yaml"), yaml.toString());
	}

	private static Path write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return file;
	}

	private static String logFrom(Path log, long offset) {
		try {
			byte[] bytes = Files.readAllBytes(log);
			int from = (int) Math.min(offset, bytes.length);
			return new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static long count(String text, String marker) {
		long n = 0;
		for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
			n++;
		}
		return n;
	}

	private static String npmVersion(String name) throws IOException {
		Path packageJson = Path.of("src/test/backstage-harness/node_modules", name, "package.json");
		return Files.exists(packageJson) ? JSON.readTree(Files.readString(packageJson)).path("version").asString() : "not installed";
	}

	private static String command(String... command) throws IOException {
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
	}
}

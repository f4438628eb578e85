package org.skillexchange.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.awaitility.core.ConditionTimeoutException;
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
import org.skillexchange.slacksim.SimulatedMessage;
import org.skillexchange.slacksim.SimulatedUser;
import org.skillexchange.slacksim.SlackSimulator;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fan-out under Slack's real limits: one broadcast to many distinct people through the Slack channel
 * (official SDK) against the simulator enforcing the published tiers, with the background delivery
 * workers on and the real clock. A cold run (no lookups cached: users.lookupByEmail and
 * conversations.open per person, Tier 3 = 50/min each) and a warm run (the lookup caches filled as an
 * earlier broadcast leaves them: one chat.postMessage per person, workspace cap 300/min).
 * Run: {@code bench/run fanout} (sizes: -Dbench.cold=100 -Dbench.warm=1000).
 */
@Tag("bench")
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FanOutBenchmark {

	private static final int COLD = Integer.getInteger("bench.cold", 100);

	private static final int WARM = Integer.getInteger("bench.warm", 1000);

	private static final int TIER3_PER_MINUTE = 50;

	private static final int POSTS_PER_MINUTE = 300;

	static final SlackSimulator SIMULATOR = SlackSimulator.start(SlackSimulator.options().rateLimits(RateLimits.slackTiers()));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry, "bench_fanout");
		Path members = writeMembers();
		registry.add("skill-exchange.slack.token", () -> SlackSimulator.BOT_TOKEN);
		registry.add("skill-exchange.slack.api-url", SIMULATOR::apiUrl);
		registry.add("skill-exchange.members.source", () -> "file");
		registry.add("skill-exchange.members.file", () -> members.toAbsolutePath().toString());
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

	@Test
	void broadcastToDistinctPeopleUnderSlackTiers() {
		try (var report = BenchReport.start("fanout")) {
			report.version("Slack SDK", "com.slack.api:slack-api-client 1.51.0")
				.setting("Slack", "org.skillexchange.slacksim simulator in the same JVM, RateLimits.slackTiers(): users.lookupByEmail and "
						+ "conversations.open 50/min, chat.postMessage 3 per 3 s per channel and 300/min per workspace")
				.setting("engine", "background workers on, batch " + settings.delivery().batchSize() + ", concurrency "
						+ settings.delivery().concurrency() + ", poll " + settings.delivery().pollInterval() + ", max attempts "
						+ settings.delivery().maxAttempts())
				.setting("channels", "slack only (Backstage channel off)")
				.setting("database", "PostgreSQL, fresh database")
				.setting("cold size", COLD + " distinct people (members with email only, nothing cached)")
				.setting("warm size", WARM + " distinct people (slack_user_cache and slack_dm_cache filled as an earlier "
						+ "broadcast leaves them)");
			report.result("""
					Lower bounds the limits allow (the first window's budget is spent at once):
					- cold, N people: each needs users.lookupByEmail and conversations.open, 50/min each, so at least
					  (N - 50) / 50 minutes: 1,000 people take at least 19 minutes, %d people at least %.0f s.
					- warm, N people: one chat.postMessage each under 300/min per workspace, so at least (N - 300) / 300 minutes:
					  1,000 people take at least 140 s.
					""".formatted(COLD, lowerBoundSeconds(COLD, TIER3_PER_MINUTE)));
			report.result("| run | people | completed | lower bound | delivered | not delivered (FAILED or open) | duplicated DMs | API calls | calls per DM | "
					+ "by method | 429s received | attempts per delivery (max) |\n|---|---|---|---|---|---|---|---|---|---|---|---|");

			run(report, "cold", "fan-c-", COLD, lowerBoundSeconds(COLD, TIER3_PER_MINUTE), false);
			run(report, "warm", "fan-w-", WARM, lowerBoundSeconds(WARM, POSTS_PER_MINUTE), true);
			report.write();
		}
	}

	private void run(BenchReport report, String name, String prefix, int people, double boundSeconds, boolean warm) {
		List<String> recipients = IntStream.range(0, people).mapToObj(i -> "user:default/" + prefix + i).toList();
		if (warm) {
			fillLookupCaches(prefix, people);
		}
		SIMULATOR.clearRequests();
		int messagesBefore = SIMULATOR.allMessages().size();
		Instant started = Instant.now();
		UUID notification = notifications.record(NotificationRequest.of(NotificationType.HACK_DIGEST)
			.to(recipients)
			.title("Hack digest (" + name + ")")
			.description("Three new comments on your hack")
			.build()).orElseThrow();
		Duration limit = Duration.ofSeconds((long) (boundSeconds * 3) + 180);
		try {
			await(name + " fan-out").atMost(limit).pollInterval(Duration.ofMillis(200)).until(() -> open(notification) == 0);
		}
		catch (ConditionTimeoutException e) {
			report.result("(" + name + ": not finished after " + limit.toSeconds() + " s; figures below are as of then)");
		}
		Timestamp last = jdbc.sql("select max(completed_at) from delivery where notification_id = :id and channel = 'slack'")
			.param("id", notification)
			.query(Timestamp.class)
			.single();
		double seconds = last == null ? Double.NaN : Duration.between(started, last.toInstant()).toMillis() / 1000.0;
		long delivered = count(notification, "DELIVERED");
		long maxAttempts = jdbc.sql("select coalesce(max(attempts), 0) from delivery where notification_id = :id and channel = 'slack'")
			.param("id", notification)
			.query(Long.class)
			.single();
		List<RecordedRequest> requests = SIMULATOR.requests();
		Map<String, Long> byMethod = requests.stream()
			.collect(Collectors.groupingBy(RecordedRequest::method, java.util.TreeMap::new, Collectors.counting()));
		long tooMany = requests.stream().filter(r -> r.status() == 429).count();
		List<SimulatedMessage> messages = SIMULATOR.allMessages();
		Map<String, Long> perDelivery = messages.subList(messagesBefore, messages.size())
			.stream()
			.map(m -> String.valueOf(m.metadataJson()))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		long duplicated = perDelivery.values().stream().mapToLong(n -> n - 1).sum();
		report.result(String.format("| %s | %d | %.1f s | %.0f s | %d | %d | %d | %d | %.2f | %s | %d | %d |", name, people, seconds,
				boundSeconds, delivered, people - delivered, duplicated, requests.size(), (double) requests.size() / people, byMethod,
				tooMany, maxAttempts));
	}

	private long open(UUID notification) {
		return jdbc.sql("select count(*) from delivery where notification_id = :id and channel = 'slack' and status in ('PENDING', 'SENDING')")
			.param("id", notification)
			.query(Long.class)
			.single();
	}

	private long count(UUID notification, String status) {
		return jdbc.sql("select count(*) from delivery where notification_id = :id and channel = 'slack' and status = :status")
			.param("id", notification)
			.param("status", status)
			.query(Long.class)
			.single();
	}

	/** What an earlier broadcast to these people leaves behind: their Slack ids and open DMs, cached. */
	private void fillLookupCaches(String prefix, int people) {
		Instant expires = Instant.now().plus(Duration.ofDays(7));
		for (int i = 0; i < people; i++) {
			String userId = userId(prefix, i);
			jdbc.sql("insert into slack_user_cache (email, user_id, expires_at) values (:email, :user, :expires)")
				.param("email", prefix + i + "@example.com")
				.param("user", userId)
				.param("expires", Timestamp.from(expires))
				.update();
			jdbc.sql("insert into slack_dm_cache (user_id, channel_id, expires_at) values (:user, :channel, :expires)")
				.param("user", userId)
				.param("channel", SIMULATOR.dmWith(userId))
				.param("expires", Timestamp.from(expires))
				.update();
		}
	}

	static double lowerBoundSeconds(int people, int perMinute) {
		return Math.max(0, people - perMinute) * 60.0 / perMinute;
	}

	private static String userId(String prefix, int i) {
		return ("U" + prefix.replace("-", "") + i).toUpperCase();
	}

	/** Members in the catalog format with email only, and the same people in the simulated workspace. */
	private static Path writeMembers() {
		var yaml = new StringBuilder();
		for (String prefix : List.of("fan-c-", "fan-w-")) {
			int people = prefix.equals("fan-c-") ? COLD : WARM;
			for (int i = 0; i < people; i++) {
				SIMULATOR.addUser(SimulatedUser.active(userId(prefix, i), prefix + i + "@example.com", prefix + i));
				yaml.append(yaml.isEmpty() ? "" : "---\n").append("""
						apiVersion: backstage.io/v1alpha1
						kind: User
						metadata:
						  name: %s%d
						spec:
						  profile:
						    email: %s%d@example.com
						""".formatted(prefix, i, prefix, i));
			}
		}
		Path file = Path.of("target", "bench", "fanout-members.yaml");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, yaml);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return file;
	}
}

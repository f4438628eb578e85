package org.skillexchange.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.slack.api.Slack;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.Severity;
import org.skillexchange.notifications.spi.DeliveryOutcome;
import org.skillexchange.notifications.spi.DeliveryRequest;
import org.skillexchange.notifications.spi.NotificationContent;
import org.skillexchange.slacksim.Fault;
import org.skillexchange.slacksim.RateLimits;
import org.skillexchange.slacksim.RecordedRequest;
import org.skillexchange.testsupport.SlidingWindows;
import org.skillexchange.slacksim.SimulatedUser;
import org.skillexchange.slacksim.SlackSimulator;
import org.skillexchange.templates.Templates;
import org.skillexchange.testsupport.MutableClock;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Three Slack channel instances, each with its own limiter and SDK client as in three services, on one
 * PostgreSQL database, sending together to the simulator enforcing Slack's tiers. Time is the test's:
 * in each round the three send concurrently at one instant, then the clock moves on.
 */
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "skill-exchange.notifications.delivery.workers=false")
// Its simulator stops after the class: close the context too, and with it its database connections.
@DirtiesContext
class SharedSlackBudgetTests {

	static final MutableClock CLOCK = MutableClock.startingAt("2026-12-01T10:00:00Z");

	static final SlackSimulator SIMULATOR = SlackSimulator.start(SlackSimulator.options().clock(CLOCK).rateLimits(RateLimits.slackTiers()));

	private static final Duration ROUND = Duration.ofMillis(250);

	/** Deliveries one instance tries per round, as its workers would. */
	private static final int TRIES_PER_ROUND = 3;

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return CLOCK;
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry, "slack_shared_budget");
		registry.add("skill-exchange.slack.token", () -> SlackSimulator.BOT_TOKEN);
		registry.add("skill-exchange.slack.api-url", SIMULATOR::apiUrl);
		registry.add("skill-exchange.slack.timeout", () -> "5s");
	}

	@AfterAll
	static void stopSimulator() {
		SIMULATOR.close();
	}

	@Autowired
	SlackSettings settings;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectProvider<Templates> templates;

	private final List<Slack> clients = new ArrayList<>();

	private List<SlackChannel> instances;

	@BeforeEach
	void threeInstances() {
		// Past every window, ours and the simulator's.
		CLOCK.advance(Duration.ofMinutes(5));
		SIMULATOR.clearRequests();
		instances = List.of(instance(), instance(), instance());
	}

	@AfterEach
	void closeClients() throws Exception {
		for (Slack client : clients) {
			client.close();
		}
	}

	@Test
	void threeInstancesSendingTogetherStayWithinSlacksLimits() throws Exception {
		// 60 people nothing is cached for (lookup, open, post: Tier 3 binds), 320 whose DMs are cached (one post
		// each: the workspace budget binds), and 6 DMs to one person from all three (the per-channel limit binds).
		List<DeliveryRequest> requests = new ArrayList<>();
		IntStream.range(0, 60).forEach(i -> requests.add(delivery(person("cold", i))));
		IntStream.range(0, 320).forEach(i -> requests.add(delivery(cached(person("warm", i)))));
		String often = cached(person("often", 0));
		IntStream.range(0, 6).forEach(i -> requests.add(i * 50, delivery(often)));

		Map<UUID, DeliveryOutcome> outcomes = sendTogether(requests, Duration.ofMinutes(5));

		assertThat(outcomes).hasSize(requests.size());
		assertThat(outcomes.values()).as("outcomes other than delivered").filteredOn(o -> !(o instanceof DeliveryOutcome.Delivered)).isEmpty();
		Map<UUID, Long> messagesPerDelivery = SIMULATOR.allMessages()
			.stream()
			.map(m -> UUID.fromString(String.valueOf(m.metadataJson()).replaceAll(".*\"delivery_id\":\"([^\"]+)\".*", "$1")))
			.filter(outcomes::containsKey)
			.collect(Collectors.groupingBy(id -> id, Collectors.counting()));
		assertThat(messagesPerDelivery).as("DMs per delivery").hasSize(requests.size()).allSatisfy((id, count) -> assertThat(count).isOne());
		List<RecordedRequest> sent = SIMULATOR.requests();
		assertThat(sent).as("requests Slack answered with 429").noneMatch(r -> r.status() == 429);
		// At most Slack's limit in any window, and near it: the budget was used, not merely left alone.
		assertThat(peak(sent, "users.lookupByEmail", Duration.ofMinutes(1))).isBetween(45, 50);
		assertThat(peak(sent, "conversations.open", Duration.ofMinutes(1))).isBetween(45, 50);
		assertThat(peak(sent, SlackRateLimiter.POST_MESSAGE, Duration.ofMinutes(1))).isBetween(280, 300);
		Map<String, List<RecordedRequest>> postsPerChannel = sent.stream()
			.filter(r -> r.method().equals(SlackRateLimiter.POST_MESSAGE))
			.collect(Collectors.groupingBy(r -> r.params().get("channel")));
		assertThat(postsPerChannel.get(SIMULATOR.dmWith(userId("often-0")))).hasSize(6);
		assertThat(postsPerChannel.values()).allSatisfy(posts -> assertThat(SlidingWindows.peak(posts, Duration.ofSeconds(1))).isOne());
	}

	@Test
	void aRateLimitSeenByOneInstanceStopsTheOthersUntilRetryAfter() {
		SIMULATOR.inject(SlackRateLimiter.POST_MESSAGE, new Fault.RateLimited(30), 1);
		DeliveryRequest first = delivery(cached(person("storm", 0)));
		DeliveryRequest second = delivery(cached(person("storm", 1)));
		DeliveryRequest third = delivery(person("storm", 2));

		DeliveryOutcome limited = instances.get(0).deliver(first);
		DeliveryOutcome secondAtOnce = instances.get(1).deliver(second);
		DeliveryOutcome thirdAtOnce = instances.get(2).deliver(third);
		CLOCK.advance(Duration.ofSeconds(29));
		DeliveryOutcome secondLater = instances.get(1).deliver(second);
		int postsWhileBlocked = SIMULATOR.requests(SlackRateLimiter.POST_MESSAGE).size();
		CLOCK.advance(Duration.ofSeconds(1));
		DeliveryOutcome secondAfter = instances.get(1).deliver(second);
		DeliveryOutcome thirdAfter = instances.get(2).deliver(third);

		assertThat(limited).isEqualTo(new DeliveryOutcome.RetryLater("Slack rate-limited chat.postMessage (429)", Duration.ofSeconds(30)));
		assertThat(secondAtOnce).isInstanceOfSatisfying(DeliveryOutcome.Deferred.class,
				deferred -> assertThat(deferred.waitFor()).isEqualTo(Duration.ofSeconds(30)));
		assertThat(thirdAtOnce).as("other methods are not blocked: the lookups went out, the post waits")
			.isInstanceOf(DeliveryOutcome.Deferred.class);
		assertThat(secondLater).isInstanceOfSatisfying(DeliveryOutcome.Deferred.class,
				deferred -> assertThat(deferred.waitFor()).isEqualTo(Duration.ofSeconds(1)));
		assertThat(postsWhileBlocked).isOne();
		assertThat(secondAfter).isInstanceOf(DeliveryOutcome.Delivered.class);
		assertThat(thirdAfter).isInstanceOf(DeliveryOutcome.Delivered.class);
		assertThat(SIMULATOR.requests().stream().map(RecordedRequest::method).toList()).containsExactly(SlackRateLimiter.POST_MESSAGE,
				"users.lookupByEmail", "conversations.open", SlackRateLimiter.POST_MESSAGE, SlackRateLimiter.POST_MESSAGE);
		assertThat(SIMULATOR.requests(SlackRateLimiter.POST_MESSAGE)).extracting(RecordedRequest::status).containsExactly(429, 200, 200);
		assertThat(SIMULATOR.requests(SlackRateLimiter.POST_MESSAGE).get(1).at()).isEqualTo(
				SIMULATOR.requests(SlackRateLimiter.POST_MESSAGE).get(0).at().plusSeconds(30));
	}

	@Test
	void theBudgetIsInTheDatabaseOnPostgresqlAndInTheProcessOnH2() {
		var h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + UUID.randomUUID());

		assertThat(SlackRateBudget.forDatabase(dataSource, CLOCK)).isInstanceOf(SharedSlackBudget.class);
		assertThat(SlackRateBudget.forDatabase(h2, CLOCK)).isInstanceOf(LocalSlackBudget.class);
	}

	/**
	 * Rounds: the three instances each try up to {@link #TRIES_PER_ROUND} of their due deliveries at once,
	 * a delivery deferred by the limiter is due again after the wait it was given; then the clock moves on.
	 */
	private Map<UUID, DeliveryOutcome> sendTogether(List<DeliveryRequest> requests, Duration atMost) throws Exception {
		Map<UUID, Instant> due = new ConcurrentHashMap<>();
		requests.forEach(request -> due.put(request.deliveryId(), CLOCK.instant()));
		Map<UUID, DeliveryOutcome> done = new ConcurrentHashMap<>();
		ExecutorService threads = Executors.newFixedThreadPool(instances.size());
		try {
			Instant end = CLOCK.instant().plus(atMost);
			while (done.size() < requests.size() && CLOCK.instant().isBefore(end)) {
				var round = new ArrayList<Callable<Void>>();
				for (int i = 0; i < instances.size(); i++) {
					int index = i;
					SlackChannel instance = instances.get(index);
					List<DeliveryRequest> mine = IntStream.range(0, requests.size())
						.filter(n -> n % instances.size() == index)
						.mapToObj(requests::get)
						.filter(r -> !done.containsKey(r.deliveryId()) && !due.get(r.deliveryId()).isAfter(CLOCK.instant()))
						.limit(TRIES_PER_ROUND)
						.toList();
					round.add(() -> {
						for (DeliveryRequest request : mine) {
							DeliveryOutcome outcome = instance.deliver(request);
							if (outcome instanceof DeliveryOutcome.Deferred deferred) {
								due.put(request.deliveryId(), CLOCK.instant().plus(deferred.waitFor()));
							}
							else {
								done.put(request.deliveryId(), outcome);
							}
						}
						return null;
					});
				}
				for (Future<Void> result : threads.invokeAll(round)) {
					result.get();
				}
				CLOCK.advance(ROUND);
			}
		}
		finally {
			threads.shutdown();
		}
		return done;
	}

	/** The most requests of this method within any {@code window} (Slack's windows slide). */
	private static int peak(List<RecordedRequest> requests, String method, Duration window) {
		return SlidingWindows.peak(requests.stream().filter(r -> r.method().equals(method)).toList(), window);
	}

	private SlackChannel instance() {
		Slack client = SlackConfiguration.client(settings);
		clients.add(client);
		var limiter = new SlackRateLimiter(new SharedSlackBudget(dataSource, CLOCK), CLOCK);
		SlackRecipientDirectory directory = ref -> Optional
			.of(new SlackRecipientDirectory.SlackRecipient(ref, ref.substring("user:default/".length()) + "@example.com", null));
		return new SlackChannel(settings, client, new SlackLookupCache(jdbc, CLOCK), limiter, templates, directory);
	}

	/** A member of the simulated workspace; returns their entity ref. */
	private static String person(String group, int i) {
		String name = group + "-" + i;
		SIMULATOR.addUser(SimulatedUser.active(userId(name), name + "@example.com", name));
		return "user:default/" + name;
	}

	/** What an earlier DM leaves cached: their user id and DM channel. */
	private String cached(String ref) {
		String name = ref.substring("user:default/".length());
		Timestamp expires = Timestamp.from(CLOCK.instant().plus(Duration.ofDays(1)));
		jdbc.sql("insert into slack_user_cache (email, user_id, expires_at) values (?, ?, ?)").params(name + "@example.com", userId(name), expires)
			.update();
		jdbc.sql("insert into slack_dm_cache (user_id, channel_id, expires_at) values (?, ?, ?)")
			.params(userId(name), SIMULATOR.dmWith(userId(name)), expires)
			.update();
		return ref;
	}

	private static String userId(String name) {
		return "U" + name.replace("-", "").toUpperCase();
	}

	private static DeliveryRequest delivery(String recipient) {
		var content = new NotificationContent(UUID.randomUUID(), NotificationType.CUSTOM, null, "user:default/alice", "Hack digest",
				"Three new comments", "http://localhost:3000/skill-exchange", Severity.NORMAL, "Skill Exchange", null, Map.of(),
				"skill-exchange", CLOCK.instant());
		return new DeliveryRequest(UUID.randomUUID(), recipient, 1, content);
	}
}

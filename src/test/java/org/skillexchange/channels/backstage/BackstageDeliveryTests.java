package org.skillexchange.channels.backstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillexchange.channels.backstage.BackstageTestData.uniqueUser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.notifications.Deliveries;
import org.skillexchange.notifications.DeliveryStatus;
import org.skillexchange.notifications.DeliveryView;
import org.skillexchange.notifications.NotificationRequest;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.Notifications;
import org.skillexchange.notifications.PostType;
import org.skillexchange.testsupport.BackstageHarness;
import org.skillexchange.testsupport.MutableClock;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** End to end: recorded notifications go through the delivery engine and the channel into a real Backstage. */
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "skill-exchange.notifications.enabled=true", "skill-exchange.notifications.delivery.workers=false",
				"skill-exchange.notifications.delivery.probe-interval=30s", "app.base-url=http://127.0.0.1:3000" })
@Import(BackstageDeliveryTests.Time.class)
class BackstageDeliveryTests {

	static final BackstageHarness backstage = BackstageHarness.shared();

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.now());
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry, "backstage_delivery");
		registry.add("backend.base-url", () -> backstage.baseUrl().toString());
		registry.add("skill-exchange.backstage.token", backstage::serviceToken);
	}

	@Autowired
	Notifications notifications;

	@Autowired
	Deliveries deliveries;

	@Autowired
	MutableClock clock;

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	/** The token this context's channel was configured with; a test that changes Backstage's puts it back. */
	private static String configuredToken;

	@BeforeEach
	void rememberToken() {
		if (configuredToken == null) {
			configuredToken = backstage.serviceToken();
		}
		if (!backstage.serviceToken().equals(configuredToken)) {
			backstage.restartAccepting(configuredToken);
		}
	}

	private UUID record(String user, String title) {
		return notifications.record(NotificationRequest.of(NotificationType.GIG_INQUIRY)
			.postType(PostType.MENTORSHIP)
			.to("user:default/" + user)
			.actor("user:default/bob")
			.title(title)
			.description("Bob is interested in your post " + title)
			.link("http://127.0.0.1:3000/skill-exchange/mentors/post/1")
			.build()).orElseThrow();
	}

	private DeliveryView backstageDelivery(UUID notification) {
		return deliveries.forNotification(notification).stream()
			.filter(delivery -> delivery.channel().equals(BackstageChannel.ID))
			.findFirst()
			.orElseThrow();
	}

	private HttpResponse<String> health() throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void recordedNotificationIsDeliveredWithTheBackstageIdAsReference() {
		String user = uniqueUser("mentor");
		UUID id = record(user, "Learn Kotlin");

		deliveries.deliverDue();

		DeliveryView delivery = backstageDelivery(id);
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(backstage.listNotifications(backstage.userToken(user))).singleElement().satisfies(notification -> {
			assertThat(notification.id()).isEqualTo(delivery.reference());
			assertThat(notification.title()).isEqualTo("Learn Kotlin");
			assertThat(notification.scope()).isEqualTo("skill-exchange:" + delivery.id());
		});
	}

	@Test
	void wrongTokenPausesTheChannelHealthSaysWhyAndDeliveryResumesOnceBackstageAcceptsIt() throws Exception {
		String user = uniqueUser("mentor");
		backstage.restartAccepting("skx-test-someone-else-" + UUID.randomUUID());
		UUID id = record(user, "Learn Kotlin");

		deliveries.deliverDue();

		assertThat(backstageDelivery(id).status()).isEqualTo(DeliveryStatus.PENDING);
		var health = health();
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("\"backstage\":{\"state\":\"paused\"", "HTTP 401", "externalAccess:",
				"plugin: notifications").doesNotContain(configuredToken);

		backstage.restartAccepting(configuredToken);
		clock.advance(Duration.ofSeconds(31));
		deliveries.probePausedChannels();
		deliveries.deliverDue();

		assertThat(backstageDelivery(id).status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(health().statusCode()).isEqualTo(200);
		assertThat(backstage.listNotifications(backstage.userToken(user))).hasSize(1);
	}

	@Test
	void whileBackstageIsStoppedTheChannelIsPausedWithoutUsingAttemptsAndAllArriveOnceAProbeReachesIt() throws Exception {
		List<String> users = List.of(uniqueUser("a"), uniqueUser("b"), uniqueUser("c"));
		List<UUID> ids = users.stream().map(user -> record(user, "Learn Kotlin")).toList();
		try {
			backstage.stop();
			deliveries.deliverDue();
			assertThat(ids).map(this::backstageDelivery).allSatisfy(delivery -> {
				assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
				assertThat(delivery.attempts()).isZero();
				assertThat(delivery.lastError()).startsWith("waiting: channel paused: cannot reach Backstage at " + backstage.baseUrl());
			});
			var health = health();
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"backstage\":{\"state\":\"paused\"", "cannot reach Backstage");

			clock.advance(Duration.ofSeconds(31));
			deliveries.probePausedChannels();
			assertThat(health().statusCode()).as("still paused: the probe cannot reach it either").isEqualTo(503);
		}
		finally {
			backstage.start();
		}

		clock.advance(Duration.ofSeconds(31));
		deliveries.probePausedChannels();
		deliveries.deliverDue();

		assertThat(health().statusCode()).isEqualTo(200);
		assertThat(ids).map(this::backstageDelivery).allSatisfy(delivery -> {
			assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(delivery.attempts()).isEqualTo(1);
		});
		for (String user : users) {
			assertThat(backstage.listNotifications(backstage.userToken(user))).hasSize(1);
		}
	}
}

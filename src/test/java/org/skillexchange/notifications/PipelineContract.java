package org.skillexchange.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillexchange.notifications.spi.ChannelStatus;
import org.skillexchange.notifications.spi.DeliveryOutcome;
import org.skillexchange.testsupport.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The pipeline's behaviour, run against each database (subclasses choose H2 or PostgreSQL). */
@Import(PipelineTestConfiguration.class)
abstract class PipelineContract {


	@Autowired
	Notifications notifications;

	@Autowired
	DeliveryEngine engine;

	@Autowired
	RecordingChannel channel;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ChannelsHealthIndicator health;

	@Autowired
	Preferences preferences;

	@BeforeEach
	void cleanSlate() {
		for (String table : List.of("delivery", "inbox_entry", "notification", "channel_pause", "preference")) {
			jdbc.sql("delete from " + table).update();
		}
		channel.reset();
		clock.set(Instant.parse("2026-12-01T10:00:00Z"));
	}

	static NotificationRequest inquiry(String... recipients) {
		return NotificationRequest.of(NotificationType.GIG_INQUIRY)
			.postType(PostType.MENTORSHIP)
			.to(recipients)
			.actor("user:default/alice")
			.title("Learn Kotlin")
			.description("Alice is interested in your post Learn Kotlin")
			.link("http://localhost:3000/skill-exchange/mentors/post/1")
			.data("postTitle", "Learn Kotlin")
			.build();
	}

	UUID recordOne() {
		return notifications.record(inquiry("user:default/jdoe")).orElseThrow();
	}

	/** The recording channel's deliveries; the real channels in the context (off here) add skipped rows of their own. */
	List<DeliveryView> recordingDeliveries(UUID notificationId) {
		return engine.forNotification(notificationId).stream().filter(delivery -> delivery.channel().equals("recording")).toList();
	}

	DeliveryView onlyDelivery(UUID notificationId) {
		List<DeliveryView> deliveries = recordingDeliveries(notificationId);
		assertThat(deliveries).hasSize(1);
		return deliveries.get(0);
	}

	long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void recordingInATransactionThatRollsBackLeavesNothing() {
		transactions.executeWithoutResult(status -> {
			notifications.record(inquiry("user:default/jdoe", "user:default/bob"));
			status.setRollbackOnly();
		});

		assertThat(count("notification")).isZero();
		assertThat(count("inbox_entry")).isZero();
		assertThat(count("delivery")).isZero();
	}

	@Test
	void recordingInATransactionThatCommitsLeavesEveryRow() {
		UUID id = transactions.execute(status -> notifications.record(inquiry("user:default/jdoe", "user:default/bob")).orElseThrow());

		assertThat(count("notification")).isEqualTo(1);
		assertThat(count("inbox_entry")).isEqualTo(2);
		assertThat(recordingDeliveries(id)).extracting(DeliveryView::recipient, DeliveryView::channel, DeliveryView::status)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("user:default/bob", "recording", DeliveryStatus.PENDING),
					org.assertj.core.groups.Tuple.tuple("user:default/jdoe", "recording", DeliveryStatus.PENDING));
	}

	@Test
	void theActorIsNeverNotifiedAndRefsAreNormalised() {
		UUID id = notifications.record(inquiry("User:Default/JDoe", "user:default/alice", "bob")).orElseThrow();

		assertThat(recordingDeliveries(id)).extracting(DeliveryView::recipient).containsExactlyInAnyOrder("user:default/jdoe",
				"user:default/bob");
		assertThat(notifications.record(inquiry("user:default/alice"))).isEmpty();
	}

	@Test
	void aGroupTheMembersDirectoryDoesNotKnowRecordsNothing() {
		// The members module now provides the directory (see members.MemberRecipientsTests for expansion).
		assertThat(notifications.record(inquiry("group:default/nobody-knows"))).isEmpty();
		assertThat(count("notification")).isZero();
	}

	@Test
	void deliversDueDeliveriesAndKeepsTheChannelsReference() {
		UUID id = recordOne();

		assertThat(engine.deliverDue()).isEqualTo(1);

		DeliveryView delivery = onlyDelivery(id);
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(delivery.reference()).isEqualTo("ref-" + delivery.id());
		assertThat(delivery.attempts()).isEqualTo(1);
		assertThat(channel.received).singleElement().satisfies(request -> {
			assertThat(request.recipient()).isEqualTo("user:default/jdoe");
			assertThat(request.notification().title()).isEqualTo("Learn Kotlin");
			assertThat(request.notification().data()).containsEntry("postTitle", "Learn Kotlin");
		});
		assertThat(engine.deliverDue()).isZero();
	}

	@Test
	void aChannelThatIsOffGetsSkippedDeliveriesWithTheReason() {
		channel.status = ChannelStatus.off("no credentials configured");

		UUID id = recordOne();

		assertThat(onlyDelivery(id)).satisfies(delivery -> {
			assertThat(delivery.status()).isEqualTo(DeliveryStatus.SKIPPED);
			assertThat(delivery.lastError()).isEqualTo("channel off: no credentials configured");
		});
		assertThat(engine.deliverDue()).isZero();
	}

	@Test
	void aDeliveryTheUserOptedOutOfIsSkippedWithThatReason() {
		preferences.save("user:default/jdoe", List.of(new Preferences.Preference("recording", "gig.inquiry", false)));

		UUID id = recordOne();

		assertThat(onlyDelivery(id).status()).isEqualTo(DeliveryStatus.SKIPPED);
		assertThat(onlyDelivery(id).lastError()).isEqualTo("the recipient turned off gig.inquiry on recording");
		assertThat(count("inbox_entry")).as("the inbox always records").isEqualTo(1);
	}

	@Test
	void retriesWithExponentialBackoffAndJitter() {
		UUID id = recordOne();
		channel.script = request -> new DeliveryOutcome.RetryLater("HTTP 503", null);

		engine.deliverDue();
		Instant first = onlyDelivery(id).nextAttemptAt();
		assertThat(first).isBetween(clock.instant().plusSeconds(5), clock.instant().plusSeconds(10));

		clock.set(first);
		engine.deliverDue();
		Instant second = onlyDelivery(id).nextAttemptAt();
		assertThat(second).isBetween(first.plusSeconds(10), first.plusSeconds(20));
		assertThat(onlyDelivery(id).attempts()).isEqualTo(2);
		assertThat(onlyDelivery(id).lastError()).isEqualTo("HTTP 503");
	}

	@Test
	void retriesRateLimitedDeliveryNoEarlierThanRetryAfter() {
		UUID id = recordOne();
		channel.script = request -> request.attempt() == 1 ? new DeliveryOutcome.RetryLater("ratelimited", Duration.ofSeconds(90))
				: new DeliveryOutcome.Delivered("ok");

		engine.deliverDue();
		assertThat(onlyDelivery(id).nextAttemptAt()).isBetween(clock.instant().plusSeconds(90), clock.instant().plusSeconds(91));

		clock.advance(Duration.ofSeconds(89));
		assertThat(engine.deliverDue()).isZero();
		clock.advance(Duration.ofSeconds(2));
		assertThat(engine.deliverDue()).isEqualTo(1);
		assertThat(onlyDelivery(id).status()).isEqualTo(DeliveryStatus.DELIVERED);
	}

	@Test
	void failsWithTheLastReasonOnceTheAttemptCapIsReached() {
		UUID id = recordOne();
		channel.script = request -> new DeliveryOutcome.RetryLater("timeout after 10s (attempt " + request.attempt() + ")", null);

		for (int i = 0; i < 4; i++) {
			clock.advance(Duration.ofHours(1));
			engine.deliverDue();
		}

		assertThat(onlyDelivery(id)).satisfies(delivery -> {
			assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
			assertThat(delivery.attempts()).isEqualTo(4);
			assertThat(delivery.lastError()).isEqualTo("gave up after 4 attempts: timeout after 10s (attempt 4)");
		});
	}

	@Test
	void failsWhenTheNextRetryWouldBePastTheMaximumAge() {
		UUID id = recordOne();
		channel.script = request -> new DeliveryOutcome.RetryLater("HTTP 502", null);
		clock.advance(Duration.ofHours(23).plusMinutes(59).plusSeconds(58));

		engine.deliverDue();

		assertThat(onlyDelivery(id).status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(onlyDelivery(id).lastError()).startsWith("gave up after 1 attempts over 24 h: HTTP 502");
	}

	@Test
	void aPermanentFailureEndsTheDeliveryAtOnce() {
		UUID id = recordOne();
		channel.script = request -> new DeliveryOutcome.PermanentFailure("users_not_found: no Slack user has jane@example.com");

		engine.deliverDue();

		assertThat(onlyDelivery(id).status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(onlyDelivery(id).lastError()).isEqualTo("users_not_found: no Slack user has jane@example.com");
	}

	@Test
	void aChannelDownPausesTheChannelWithoutBurningAttemptsAndResumesWhenTheProbeSucceeds() {
		UUID first = recordOne();
		UUID second = recordOne();
		channel.script = request -> new DeliveryOutcome.ChannelDown("Invalid token: use the Bot User OAuth Token");

		engine.deliverDue();

		assertThat(recordingDeliveries(first).get(0).attempts()).isZero();
		assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.health(true).getDetails().get("recording").toString()).contains("paused",
				"Invalid token: use the Bot User OAuth Token");
		int callsWhilePaused = channel.received.size();
		clock.advance(Duration.ofMinutes(5));
		assertThat(engine.deliverDue()).as("deliveries wait while the channel is paused").isZero();

		channel.probeProblem = Optional.of("still invalid");
		engine.probePausedChannels();
		assertThat(engine.deliverDue()).isZero();
		assertThat(health.health(true).getDetails().get("recording").toString()).contains("still invalid");

		channel.probeProblem = Optional.empty();
		channel.script = request -> new DeliveryOutcome.Delivered("ok");
		clock.advance(Duration.ofSeconds(29));
		engine.probePausedChannels();
		assertThat(engine.deliverDue()).as("the next probe is not due yet").isZero();
		clock.advance(Duration.ofSeconds(2));
		engine.probePausedChannels();
		engine.deliverDue();

		assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
		assertThat(List.of(onlyDelivery(first), onlyDelivery(second))).allSatisfy(delivery -> {
			assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
			assertThat(delivery.attempts()).isEqualTo(1);
		});
		assertThat(callsWhilePaused).isLessThanOrEqualTo(2);
	}

	@Test
	void waitingForTheChannelsOwnRateLimitDoesNotUseAnAttempt() {
		UUID id = recordOne();
		channel.script = request -> new DeliveryOutcome.Deferred("Slack's rate limit on chat.postMessage", Duration.ofSeconds(3));

		engine.deliverDue();

		assertThat(onlyDelivery(id)).satisfies(delivery -> {
			assertThat(delivery.attempts()).isZero();
			assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
			assertThat(delivery.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(3));
			assertThat(delivery.lastError()).isEqualTo("waiting: Slack's rate limit on chat.postMessage");
		});
	}

	@Test
	void deliveriesWaitingOnAChannelPausedLongerThanTheMaximumAgeFailWithThePauseReason() {
		UUID id = recordOne();
		channel.script = request -> new DeliveryOutcome.ChannelDown("token_revoked: reinstall the app");
		channel.probeProblem = Optional.of("token_revoked: reinstall the app");
		engine.deliverDue();

		clock.advance(Duration.ofHours(23));
		engine.probePausedChannels();
		assertThat(onlyDelivery(id).status()).isEqualTo(DeliveryStatus.PENDING);

		clock.advance(Duration.ofHours(2));
		engine.probePausedChannels();
		assertThat(onlyDelivery(id)).satisfies(delivery -> {
			assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
			assertThat(delivery.lastError()).isEqualTo("gave up: channel paused for longer than 24 h: token_revoked: reinstall the app");
		});
	}

	@Test
	void aCrashedEnginesClaimsAreTakenOverOnceItsLeaseExpires() {
		UUID id = recordOne();
		DeliveryEngine crashed = anotherEngine();

		assertThat(crashed.claim()).hasSize(1);
		assertThat(engine.deliverDue()).as("the lease still holds").isZero();

		clock.advance(Duration.ofSeconds(59));
		assertThat(engine.deliverDue()).isZero();
		clock.advance(Duration.ofSeconds(2));
		assertThat(engine.deliverDue()).isEqualTo(1);

		assertThat(onlyDelivery(id).status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(channel.received).hasSize(1);
	}

	@Test
	void aHeartbeatKeepsTheLeaseOfALongDelivery() {
		recordOne();
		DeliveryEngine slow = anotherEngine();
		assertThat(slow.claim()).hasSize(1);

		clock.advance(Duration.ofSeconds(50));
		slow.heartbeat();
		clock.advance(Duration.ofSeconds(50));

		assertThat(engine.deliverDue()).isZero();
	}

	@Autowired
	OutboxStore store;

	@Autowired
	ChannelRegistry channels;

	@Autowired
	ChannelPauses pauses;

	@Autowired
	NotificationSettings settings;

	@Autowired
	DeliveryMetrics metrics;

	DeliveryEngine anotherEngine() {
		return new DeliveryEngine(store, channels, pauses, preferences, settings, metrics, clock);
	}
}

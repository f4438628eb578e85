package org.skillexchange.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillexchange.gigs.Connection;
import org.skillexchange.gigs.ConnectionStatus;
import org.skillexchange.gigs.Gig;
import org.skillexchange.gigs.GigDraft;
import org.skillexchange.gigs.GigStatus;
import org.skillexchange.gigs.GigType;
import org.skillexchange.gigs.Gigs;
import org.skillexchange.gigs.MentorshipDetails;
import org.skillexchange.testsupport.DomainTest;
import org.skillexchange.testsupport.MutableClock;
import org.skillexchange.testsupport.RecordedNotifications;
import org.skillexchange.testsupport.RecordedNotifications.Recorded;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The weekly reminder through the job runner, and the runner's once-per-schedule guarantee across instances. */
// Closed after the class: a PostgreSQL context holds a pool of connections the shared server runs short of.
@DomainTest
@DirtiesContext
class ScheduledJobsTests {

	static final String JDOE = "user:default/jdoe";

	static final String ALICE = "user:default/alice";

	static final String BOB = "user:default/bob";

	static final String REMINDER = "gig.inquiry.reminder";

	/** Monday 2026-11-16, 09:00 UTC: the clock's start; the reminder is due at 14:00 on Mondays. */
	static final Instant MONDAY_MORNING = Instant.parse("2026-11-16T09:00:00Z");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry, "domain_jobs");
	}

	@Autowired
	Jobs jobs;

	@Autowired
	List<ScheduledJob> allJobs;

	@Autowired
	Gigs gigs;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	RecordedNotifications recorded;

	@BeforeEach
	void cleanSlate() {
		recorded = new RecordedNotifications(jdbc);
		recorded.clearAll();
		clock.set(MONDAY_MORNING);
	}

	Gig mentorship() {
		return gigs.create(JDOE, new GigDraft(GigType.MENTORSHIP, "Learn Kotlin", null, null, List.of("kotlin"), null,
				List.of(), ALICE, List.of(JDOE), null,
				new MentorshipDetails(MentorshipDetails.MeetType.BOTH, MentorshipDetails.RequestType.SEEKING_PAIR)));
	}

	List<Recorded> reminders() {
		return recorded.all().stream().filter(r -> r.type().equals(REMINDER)).toList();
	}

	@Test
	void theFirstRunOnlySetsTheWatermark() {
		Connection pending = gigs.connect(BOB, mentorship().id(), null);
		clock.set(Instant.parse("2026-11-30T15:00:00Z"));

		assertThat(jobs.runDue()).isEmpty();
		assertThat(reminders()).isEmpty();

		clock.set(Instant.parse("2026-12-07T14:00:00Z"));
		assertThat(jobs.runDue()).contains(REMINDER);
		Recorded reminder = reminders().get(0);
		assertThat(reminders()).hasSize(1);
		assertThat(reminder.recipients()).containsExactly(ALICE);
		assertThat(reminder.actor()).isNull();
		assertThat(reminder.title()).isEqualTo("Learn Kotlin");
		assertThat(reminder.data()).containsEntry("sender", "Bob Okafor")
			.containsEntry("postTitle", "Learn Kotlin")
			.containsEntry("duration", "21 days")
			.containsEntry("connectionId", pending.id().toString());
	}

	@Test
	void remindsOfConnectionsPendingOverAWeekOnOpenGigsUnlessStopped() {
		jobs.runDue();
		Connection waiting = gigs.connect(BOB, mentorship().id(), null);
		gigs.connect(JDOE, mentorship().id(), null);
		Connection stopped = gigs.connect(BOB, mentorship().id(), null);
		gigs.stopReminders(ALICE, stopped.id());
		Connection accepted = gigs.connect(BOB, mentorship().id(), null);
		gigs.changeConnection(ALICE, accepted.id(), ConnectionStatus.ACCEPTED);
		Gig filled = mentorship();
		gigs.connect(BOB, filled.id(), null);
		gigs.changeStatus(ALICE, filled.id(), GigStatus.FILLED);
		clock.set(Instant.parse("2026-11-20T10:00:00Z"));
		Connection recent = gigs.connect(BOB, mentorship().id(), null);

		clock.set(Instant.parse("2026-11-23T14:00:00Z"));
		assertThat(jobs.runDue()).contains(REMINDER);

		assertThat(reminders()).extracting(r -> r.data().get("connectionId"))
			.containsExactlyInAnyOrder(waiting.id().toString(), connectionOf(JDOE));
		assertThat(reminders()).allSatisfy(r -> assertThat(r.data().get("duration")).isEqualTo("7 days"));
		assertThat(recent.status()).isEqualTo(ConnectionStatus.CONNECTED);

		assertThat(jobs.runDue()).doesNotContain(REMINDER);
		assertThat(reminders()).hasSize(2);
	}

	@Test
	void runsOnceAcrossTwoInstances() throws Exception {
		Jobs otherInstance = new Jobs(allJobs, jdbc, transactionManager, clock);
		jobs.runDue();
		otherInstance.runDue();
		gigs.connect(BOB, mentorship().id(), null);
		clock.set(Instant.parse("2026-11-30T14:00:00Z"));

		var start = new CyclicBarrier(2);
		var first = CompletableFuture.supplyAsync(() -> awaitThen(start, jobs));
		var second = CompletableFuture.supplyAsync(() -> awaitThen(start, otherInstance));
		List<String> ran = new ArrayList<>(first.get(30, TimeUnit.SECONDS));
		ran.addAll(second.get(30, TimeUnit.SECONDS));

		assertThat(ran).filteredOn(REMINDER::equals).hasSize(1);
		assertThat(reminders()).hasSize(1);
	}

	@Test
	void anInstanceSkipsAJobAnotherInstanceIsRunning() throws Exception {
		jobs.runDue();
		gigs.connect(BOB, mentorship().id(), null);
		clock.set(Instant.parse("2026-11-30T14:00:00Z"));
		var locked = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			jdbc.sql("select name from scheduled_job where name = ? for update").param(REMINDER).query(String.class).single();
			locked.countDown();
			await(release);
		}));
		await(locked);

		assertThat(jobs.runDue()).doesNotContain(REMINDER);
		assertThat(reminders()).isEmpty();

		release.countDown();
		holder.get(30, TimeUnit.SECONDS);
		assertThat(jobs.runDue()).contains(REMINDER);
		assertThat(reminders()).hasSize(1);
	}

	@Test
	void theDigestIsNotScheduledWithoutItsCron() {
		assertThat(jobs.describe()).containsExactlyInAnyOrder("gig.inquiry.reminder (cron \"0 0 14 * * 1\")",
				"search.match (every PT1M)");
	}

	@Test
	void aJobThatIsNotDueWaitsForItsSchedule() {
		jobs.runDue();
		clock.set(Instant.parse("2026-11-16T13:59:59Z"));
		assertThat(jobs.runDue()).doesNotContain(REMINDER);

		clock.advance(Duration.ofSeconds(1));
		assertThat(jobs.runDue()).contains(REMINDER);
		clock.advance(Duration.ofDays(6));
		assertThat(jobs.runDue()).doesNotContain(REMINDER);
		clock.advance(Duration.ofDays(1));
		assertThat(jobs.runDue()).contains(REMINDER);
	}

	private String connectionOf(String user) {
		return jdbc.sql("select id from gig_connection where user_ref = ?").param(user).query(UUID.class).single().toString();
	}

	private static List<String> awaitThen(CyclicBarrier start, Jobs runner) {
		try {
			start.await(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		return runner.runDue();
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("timed out waiting for the other transaction");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}

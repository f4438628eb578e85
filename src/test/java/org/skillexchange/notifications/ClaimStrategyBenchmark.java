package org.skillexchange.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.notifications.spi.DeliveryOutcome;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Quick measurement behind docs/decisions/0001-delivery-claiming.md: the engine's own SKIP LOCKED
 * claim against db-scheduler's lock-and-fetch, same PostgreSQL, same work (a no-op send).
 * Run: ./mvnw test -Dtest.excludedGroups=none -Dtest=ClaimStrategyBenchmark
 */
@Tag("bench")
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "skill-exchange.notifications.delivery.workers=false", "skill-exchange.notifications.delivery.batch-size=100" })
@Import(PipelineTestConfiguration.class)
class ClaimStrategyBenchmark {

	private static final int DELIVERIES = 5000;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry, "claim_bench");
	}

	@Autowired
	Notifications notifications;

	@Autowired
	DeliveryEngine engine;

	@Autowired
	RecordingChannel channel;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void measureBoth() throws Exception {
		channel.script = request -> new DeliveryOutcome.Delivered("noop");
		for (int n = 0; n < DELIVERIES / 100; n++) {
			int batch = n;
			notifications.record(NotificationRequest.of(NotificationType.HACK_DIGEST)
				.to(IntStream.range(0, 100).mapToObj(i -> "user:default/u" + batch + "-" + i).toList())
				.title("bench")
				.build());
		}
		Instant started = Instant.now();
		while (engine.deliverDue() > 0) {
			// drain
		}
		report("SKIP LOCKED engine (batch 100, 8 senders)", Duration.between(started, Instant.now()));

		jdbc.sql("""
				create table scheduled_tasks (task_name text not null, task_instance text not null, task_data bytea,
				  execution_time timestamp with time zone not null, picked boolean not null, picked_by text,
				  last_success timestamp with time zone, last_failure timestamp with time zone, consecutive_failures int,
				  last_heartbeat timestamp with time zone, version bigint not null, priority smallint,
				  primary key (task_name, task_instance))""").update();
		CountDownLatch done = new CountDownLatch(DELIVERIES);
		OneTimeTask<Void> send = Tasks.oneTime("send-delivery").execute((instance, context) -> done.countDown());
		Scheduler scheduler = Scheduler.create(dataSource, List.of(send))
			.threads(8)
			.pollUsingLockAndFetch(0.5, 1.0)
			.pollingInterval(Duration.ofMillis(100))
			.build();
		for (int i = 0; i < DELIVERIES; i++) {
			scheduler.schedule(send.instance("d" + i), Instant.now());
		}
		started = Instant.now();
		scheduler.start();
		done.await(5, TimeUnit.MINUTES);
		report("db-scheduler lock-and-fetch (8 threads)", Duration.between(started, Instant.now()));
		scheduler.stop();
	}

	private static void report(String what, Duration took) {
		System.out.printf("BENCH %s: %d deliveries in %d ms = %.0f/s%n", what, DELIVERIES, took.toMillis(),
				DELIVERIES * 1000.0 / took.toMillis());
	}
}

package org.skillexchange.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.bench.BenchReport;
import org.skillexchange.notifications.spi.DeliveryOutcome;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ceiling: deliveries per second of one instance with limits off. The channel is the in-memory
 * recording channel answering {@code Delivered} at once, so what is measured is the engine's own cost
 * (claim with SKIP LOCKED, lease, send on its pool, write the outcome) on PostgreSQL. The drain loop is
 * the one the background workers run ({@code deliverDue()} back to back while a pass is full).
 * Run: {@code bench/run ceiling}.
 */
@Tag("bench")
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "skill-exchange.notifications.delivery.workers=false")
@Import(PipelineTestConfiguration.class)
class CeilingBenchmark {

	private static final int NOTIFICATIONS = Integer.getInteger("bench.notifications", 100);

	private static final int RECIPIENTS = Integer.getInteger("bench.recipients", 100);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry, "bench_ceiling");
	}

	@Autowired
	Notifications notifications;

	@Autowired
	DeliveryEngine engine;

	@Autowired
	RecordingChannel channel;

	@Autowired
	NotificationSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void measureDeliveriesPerSecondWithLimitsOff() {
		int deliveries = NOTIFICATIONS * RECIPIENTS;
		try (var report = BenchReport.start("ceiling")) {
			report.setting("deliveries", deliveries + " (" + NOTIFICATIONS + " notifications x " + RECIPIENTS + " distinct recipients)")
				.setting("channel", "in-memory recording channel, answers Delivered at once (no rate limit, no network)")
				.setting("engine", "batch size " + settings.delivery().batchSize() + ", concurrency " + settings.delivery().concurrency()
						+ " (defaults), drain loop as the workers run it")
				.setting("database", "PostgreSQL, pool 10, fresh database");
			channel.script = request -> new DeliveryOutcome.Delivered("noop");

			long recordStarted = System.nanoTime();
			for (int n = 0; n < NOTIFICATIONS; n++) {
				int batch = n;
				notifications.record(NotificationRequest.of(NotificationType.HACK_DIGEST)
					.to(IntStream.range(0, RECIPIENTS).mapToObj(i -> "user:default/c" + batch + "-" + i).toList())
					.title("ceiling")
					.build());
			}
			double recordSeconds = (System.nanoTime() - recordStarted) / 1e9;

			long drainStarted = System.nanoTime();
			int passes = 0;
			while (engine.deliverDue() > 0) {
				passes++;
			}
			double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;

			long delivered = jdbc.sql("select count(*) from delivery where channel = :channel and status = 'DELIVERED'")
				.param("channel", RecordingChannel.ID)
				.query(Long.class)
				.single();
			long sends = channel.received.size();
			report.result(String.format("""
					| metric | value |
					|---|---|
					| deliveries delivered | %d of %d (channel called %d times) |
					| drain time | %.2f s in %d passes |
					| **deliveries/s (one instance, limits off)** | **%.0f** |
					| recording (notification + inbox + delivery rows, in the caller's transaction) | %.2f s = %.0f delivery rows/s |
					""", delivered, deliveries, sends, drainSeconds, passes, delivered / drainSeconds, recordSeconds,
					deliveries / recordSeconds));
			report.write();
			assertThat(delivered).isEqualTo(deliveries);
			assertThat(sends).isEqualTo(deliveries);
		}
	}
}

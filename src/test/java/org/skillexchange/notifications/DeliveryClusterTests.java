package org.skillexchange.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.testsupport.MutableClock;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Three engines on one PostgreSQL database share the work: every delivery exactly once, none left. */
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "skill-exchange.notifications.delivery.workers=false", "skill-exchange.notifications.delivery.batch-size=25" })
@Import(PipelineTestConfiguration.class)
class DeliveryClusterTests {

	private static final int NOTIFICATIONS = 50;

	private static final int RECIPIENTS_EACH = 100;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry, "cluster");
	}

	@Autowired
	Notifications notifications;

	@Autowired
	RecordingChannel channel;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxStore store;

	@Autowired
	ChannelRegistry channels;

	@Autowired
	ChannelPauses pauses;

	@Autowired
	Preferences preferences;

	@Autowired
	NotificationSettings settings;

	@Autowired
	DeliveryMetrics metrics;

	@Autowired
	MutableClock clock;

	@Test
	void threeEnginesDeliverFiveThousandDeliveriesExactlyOnce() throws Exception {
		for (int n = 0; n < NOTIFICATIONS; n++) {
			int batch = n;
			List<String> recipients = IntStream.range(0, RECIPIENTS_EACH).mapToObj(i -> "user:default/u" + batch + "-" + i).toList();
			notifications.record(NotificationRequest.of(NotificationType.HACK_DIGEST).to(recipients).title("Skill Exchange Digest").build());
		}
		List<DeliveryEngine> engines = List.of(engine(), engine(), engine());
		List<AtomicInteger> attemptedBy = List.of(new AtomicInteger(), new AtomicInteger(), new AtomicInteger());

		ExecutorService threads = Executors.newFixedThreadPool(engines.size());
		List<Future<?>> runs = new ArrayList<>();
		for (int i = 0; i < engines.size(); i++) {
			DeliveryEngine engine = engines.get(i);
			AtomicInteger attempted = attemptedBy.get(i);
			runs.add(threads.submit(() -> {
				while (unfinished() > 0) {
					attempted.addAndGet(engine.deliverDue());
				}
			}));
		}
		for (Future<?> run : runs) {
			run.get();
		}
		threads.shutdown();

		int total = NOTIFICATIONS * RECIPIENTS_EACH;
		assertThat(channel.callsPerDelivery).hasSize(total);
		assertThat(channel.callsPerDelivery.values()).allSatisfy(calls -> assertThat(calls.get()).isEqualTo(1));
		assertThat(jdbc.sql("select count(*) from delivery where status = 'DELIVERED'").query(Long.class).single()).isEqualTo(total);
		assertThat(attemptedBy).as("every engine took a share").allSatisfy(attempted -> assertThat(attempted.get()).isPositive());
	}

	private long unfinished() {
		return jdbc.sql("select count(*) from delivery where status in ('PENDING', 'SENDING')").query(Long.class).single();
	}

	private DeliveryEngine engine() {
		return new DeliveryEngine(store, channels, pauses, preferences, settings, metrics, clock);
	}
}

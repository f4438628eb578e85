package org.skillexchange.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.notifications.spi.DeliveryRequest;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** With a poll interval of an hour, only the wake after commit can explain a delivery within seconds. */
@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "skill-exchange.notifications.delivery.workers=true",
				"skill-exchange.notifications.delivery.poll-interval=1h" })
@Import(PipelineTestConfiguration.class)
class DeliveryOnCommitTests {

	@Autowired
	Notifications notifications;

	@Autowired
	RecordingChannel channel;

	@Autowired
	TransactionTemplate transactions;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@BeforeEach
	void startFromNothing() {
		channel.reset();
	}

	@Test
	void deliversAsSoonAsTheRecordingTransactionCommits() {
		transactions.executeWithoutResult(status -> notifications.record(PipelineContract.inquiry("user:default/jdoe")));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(channel.received).hasSize(1));
	}

	@Test
	void aRecordingThatRollsBackSendsNothing() {
		transactions.executeWithoutResult(status -> {
			notifications.record(PipelineContract.inquiry("user:default/jdoe"));
			status.setRollbackOnly();
		});
		transactions.executeWithoutResult(status -> notifications.record(PipelineContract.inquiry("user:default/bob")));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(channel.received).hasSize(1));
		assertThat(channel.received).singleElement().extracting(DeliveryRequest::recipient).isEqualTo("user:default/bob");
	}
}

package org.skillexchange.notifications;

import org.junit.jupiter.api.Nested;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PipelineTests {

	@Nested
	@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = { "skill-exchange.notifications.delivery.workers=false",
					"skill-exchange.notifications.delivery.max-attempts=4",
					"skill-exchange.notifications.delivery.initial-backoff=10s" })
	class OnH2 extends PipelineContract {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			TestDatabases.h2(registry);
		}
	}

	@Nested
	@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = { "skill-exchange.notifications.delivery.workers=false",
					"skill-exchange.notifications.delivery.max-attempts=4",
					"skill-exchange.notifications.delivery.initial-backoff=10s" })
	class OnPostgres extends PipelineContract {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			TestDatabases.postgres(registry, "pipeline");
		}
	}
}

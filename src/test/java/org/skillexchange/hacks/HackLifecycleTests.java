package org.skillexchange.hacks;

import org.junit.jupiter.api.Nested;
import org.skillexchange.testsupport.DomainTest;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The digest's cron is given in the app-config spelling, as an organisation writes it. */
class HackLifecycleTests {

	@Nested
	@DomainTest
	@TestPropertySource(properties = "skillExchange.hackUpdateNotificationsCron=0 0 14 * * *")
	class OnH2 extends HackLifecycleContract {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			TestDatabases.h2(registry);
		}
	}

	@Nested
	@DomainTest
	@DirtiesContext
	@TestPropertySource(properties = "skillExchange.hackUpdateNotificationsCron=0 0 14 * * *")
	class OnPostgres extends HackLifecycleContract {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			TestDatabases.postgres(registry, "domain_hacks");
		}
	}
}

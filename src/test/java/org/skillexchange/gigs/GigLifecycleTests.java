package org.skillexchange.gigs;

import org.junit.jupiter.api.Nested;
import org.skillexchange.testsupport.DomainTest;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class GigLifecycleTests {

	@Nested
	@DomainTest
	class OnH2 extends GigLifecycleContract {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			TestDatabases.h2(registry);
		}
	}

	@Nested
	@DomainTest
	@DirtiesContext
	class OnPostgres extends GigLifecycleContract {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			TestDatabases.postgres(registry, "domain_gigs");
		}
	}
}

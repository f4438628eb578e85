package org.skillexchange.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same migrations apply on the embedded default and on PostgreSQL. */
class MigrationTests {

	abstract static class Contract {

		@Autowired
		Flyway flyway;

		@Autowired
		JdbcClient jdbc;

		@Test
		void everyMigrationIsApplied() {
			assertThat(flyway.info().pending()).isEmpty();
			assertThat(flyway.info().applied()).isNotEmpty().allSatisfy(migration -> assertThat(migration.getState().isFailed()).isFalse());
		}

		@Test
		void theOutboxTablesExist() {
			assertThat(jdbc.sql("select count(*) from delivery").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from inbox_entry").query(Long.class).single()).isZero();
		}
	}

	@Nested
	@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
	class OnH2 extends Contract {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			TestDatabases.h2(registry);
		}
	}

	@Nested
	@SpringBootTest(classes = SkillExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
	class OnPostgres extends Contract {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			TestDatabases.postgres(registry, "migrations");
		}
	}
}

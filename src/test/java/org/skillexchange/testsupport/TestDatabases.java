package org.skillexchange.testsupport;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at a private database: in-memory H2, or a fresh PostgreSQL database. */
public final class TestDatabases {

	private TestDatabases() {
	}

	public static void h2(DynamicPropertyRegistry registry) {
		registry.add("skill-exchange.service.database.client", () -> "h2");
		registry.add("skill-exchange.service.database.connection", () -> "jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
	}

	public static void postgres(DynamicPropertyRegistry registry, String name) {
		String url = PostgresDatabases.fresh(name);
		registry.add("skill-exchange.service.database.client", () -> "pg");
		registry.add("skill-exchange.service.database.connection", () -> url);
	}
}

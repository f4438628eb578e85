package org.skillexchange.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Fresh databases on the machine's real PostgreSQL (127.0.0.1:5432, trust auth), one per test
 * class, so test classes and parallel runs never see each other's rows.
 */
public final class PostgresDatabases {

	public static final String HOST = System.getProperty("skx.test.pg.host", "127.0.0.1:5432");

	public static final String USER = System.getProperty("skx.test.pg.user", "postgres");

	private PostgresDatabases() {
	}

	/** Drops and creates {@code skx_test_<name>}; returns its JDBC URL. */
	public static String fresh(String name) {
		String database = "skx_test_" + name.toLowerCase().replaceAll("[^a-z0-9_]", "_");
		try (var connection = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
				var statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL at " + HOST + " is needed for this test (bash .ci/run starts it): "
					+ e.getMessage(), e);
		}
		return "jdbc:postgresql://" + HOST + "/" + database + "?user=" + USER;
	}
}

package org.skillexchange.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fresh databases on the machine's real PostgreSQL (127.0.0.1:5432, trust auth), one per test
 * class and test run, so test classes and runs side by side never see each other's rows. They are
 * dropped when the test JVM ends.
 */
public final class PostgresDatabases {

	public static final String HOST = System.getProperty("skx.test.pg.host", "127.0.0.1:5432");

	public static final String USER = System.getProperty("skx.test.pg.user", "postgres");

	private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

	private static final Set<String> created = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(PostgresDatabases::dropCreated, "drop-test-databases"));
	}

	private PostgresDatabases() {
	}

	/** Creates {@code skx_test_<name>_<run>}; returns its JDBC URL. */
	public static String fresh(String name) {
		String database = "skx_test_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + RUN;
		try (var connection = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
				var statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + database);
			created.add(database);
		}
		catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL at " + HOST + " is needed for this test (bash .ci/run starts it): "
					+ e.getMessage(), e);
		}
		return "jdbc:postgresql://" + HOST + "/" + database + "?user=" + USER;
	}

	private static void dropCreated() {
		try (var connection = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
				var statement = connection.createStatement()) {
			for (String database : created) {
				statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
		catch (SQLException e) {
			// A database left behind is named skx_test_*_<run>: harmless, and droppable by hand.
		}
	}
}

package org.skillexchange.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.skillexchange.diagnostics.Check;

/**
 * The database checked for {@code doctor}: it can be connected to, and Flyway has no pending or
 * failed migrations. It never migrates and never creates an H2 file that does not exist yet.
 */
public final class DatabaseDiagnostics {

	static final String REACHABLE = "Database reachable";

	static final String MIGRATED = "Database migrated";

	private final ServiceSettings.Database database;

	private DatabaseDiagnostics(ServiceSettings.Database database) {
		this.database = database;
	}

	/** Diagnostics for flattened app-config properties (as {@link AppConfig#toProperties()} gives them). */
	public static DatabaseDiagnostics of(Map<String, ?> properties) {
		var conversions = new ApplicationConversionService();
		conversions.addConverter(DatabaseConfiguration.connectionFromString());
		var binder = new Binder(List.of(new MapConfigurationPropertySource(properties)), null, conversions);
		return new DatabaseDiagnostics(binder.bindOrCreate("skill-exchange.service", ServiceSettings.class).database());
	}

	/** Runs the checks in order, handing each to {@code report} as soon as it is done. */
	public void run(Consumer<Check> report) {
		var settings = new ServiceSettings(0, database);
		if (database.clientType() == ServiceSettings.Client.H2 && !h2FileExists()) {
			report.accept(Check.passed(REACHABLE, "embedded H2; its file does not exist yet and is created on the first start"));
			report.accept(Check.skipped(MIGRATED, "the service migrates the new database on its first start"));
			return;
		}
		try (HikariDataSource dataSource = (HikariDataSource) new DatabaseConfiguration().dataSource(settings)) {
			dataSource.setPoolName("skill-exchange-doctor");
			// Flyway holds a second connection while it reads the history.
			dataSource.setMaximumPoolSize(2);
			dataSource.setConnectionTimeout(10_000);
			dataSource.setInitializationFailTimeout(-1);
			String where = where(dataSource);
			try (Connection connection = dataSource.getConnection()) {
				var meta = connection.getMetaData();
				report.accept(Check.passed(REACHABLE, meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at " + where));
			}
			catch (SQLException e) {
				report.accept(Check.failed(REACHABLE, "cannot connect to " + where + ": " + firstLine(e),
						database.clientType() == ServiceSettings.Client.PG
								? "start PostgreSQL, or fix skillExchange.service.database.connection (host, port, user, password, database)"
								: "stop whatever holds the H2 file, or fix skillExchange.service.database.connection"));
				report.accept(Check.skipped(MIGRATED, "the database is not reachable"));
				return;
			}
			report.accept(migrated(dataSource));
		}
		catch (InvalidConfig e) {
			report.accept(Check.failed(REACHABLE, String.join("; ", e.problems()), "fix skillExchange.service.database"));
		}
	}

	private static Check migrated(HikariDataSource dataSource) {
		try {
			var info = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info();
			List<MigrationInfo> failed = Arrays.stream(info.all()).filter(migration -> migration.getState().isFailed()).toList();
			if (!failed.isEmpty()) {
				return Check.failed(MIGRATED, "migration " + describe(failed) + " failed",
						"restore the database from a backup, or fix what the migration tripped over and delete its row from"
								+ " flyway_schema_history; then start the service, which migrates again");
			}
			List<MigrationInfo> pending = List.of(info.pending());
			if (!pending.isEmpty()) {
				return Check.failed(MIGRATED, pending.size() + " migration(s) pending: " + describe(pending),
						"start the service (./skill-exchange serve); it applies pending migrations on start");
			}
			var current = info.current();
			return Check.passed(MIGRATED, current == null ? "no migrations" : "at version " + current.getVersion());
		}
		catch (RuntimeException e) {
			return Check.failed(MIGRATED, "cannot read the migration history: " + firstLine(e),
					"check that the database user may read flyway_schema_history");
		}
	}

	private boolean h2FileExists() {
		var connection = database.connection();
		String file = connection == null || connection.value() == null ? DatabaseConfiguration.DEFAULT_H2_FILE : connection.value();
		return file.startsWith("jdbc:") || Files.exists(Path.of(file + ".mv.db"));
	}

	private static String firstLine(Exception e) {
		return Secrets.mask(String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName()));
	}

	private static String where(HikariDataSource dataSource) {
		// The JDBC URL without any password in it.
		return dataSource.getJdbcUrl().replaceAll("(?i)(password=)[^&;]*", "$1…").replaceAll(";.*$", "");
	}

	private static String describe(List<MigrationInfo> migrations) {
		return String.join(", ", migrations.stream().map(m -> "V" + m.getVersion() + " " + m.getDescription()).toList());
	}
}

package org.skillexchange.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.skillexchange.testsupport.PostgresDatabases;

/**
 * A benchmark's dated markdown report, {@code bench/results/YYYY-MM-DD-<scenario>.md}: the machine
 * (cores, memory, load average sampled every second through the run, since the 2 cores are shared),
 * versions, settings and results.
 */
public final class BenchReport implements AutoCloseable {

	private static final Path RESULTS = Path.of("bench", "results");

	private final String scenario;

	private final Instant started = Instant.now();

	private final String loadAtStart = loadAverage();

	private final List<Double> oneMinuteLoads = new ArrayList<>();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		var thread = new Thread(runnable, "bench-load-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, String> versions = new LinkedHashMap<>();

	private final Map<String, String> settings = new LinkedHashMap<>();

	private final StringBuilder results = new StringBuilder();

	private BenchReport(String scenario) {
		this.scenario = scenario;
		sampler.scheduleAtFixedRate(() -> {
			synchronized (oneMinuteLoads) {
				oneMinuteLoads.add(Double.parseDouble(loadAverage().split(" ")[0]));
			}
		}, 0, 1, TimeUnit.SECONDS);
		versions.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		versions.put("PostgreSQL", postgresVersion());
	}

	public static BenchReport start(String scenario) {
		return new BenchReport(scenario);
	}

	public BenchReport version(String what, String version) {
		versions.put(what, version);
		return this;
	}

	public BenchReport setting(String key, Object value) {
		settings.put(key, String.valueOf(value));
		return this;
	}

	/** Adds markdown to the results section; also printed, so the console shows the figures as they come. */
	public BenchReport result(String markdown) {
		results.append(markdown).append('\n');
		System.out.println(markdown);
		return this;
	}

	/** Writes the report and returns its path. */
	public Path write() {
		sampler.shutdownNow();
		String loadAtEnd = loadAverage();
		double max;
		double mean;
		synchronized (oneMinuteLoads) {
			max = oneMinuteLoads.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
			mean = oneMinuteLoads.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
		}
		var text = new StringBuilder();
		text.append("# Benchmark: ").append(scenario).append("\n\n");
		text.append("- Started: ").append(started).append(", took ")
			.append(java.time.Duration.between(started, Instant.now()).toSeconds()).append(" s\n");
		text.append("- Command: `").append(System.getProperty("bench.command", "bench/run " + scenario)).append("`\n");
		text.append("- Commit: ").append(System.getProperty("bench.commit", "(not given)")).append("\n\n");
		text.append("## Machine\n\n");
		text.append("- Cores (nproc): ").append(Runtime.getRuntime().availableProcessors()).append('\n');
		text.append("- Memory: ").append(memTotal()).append('\n');
		text.append("- Load average (1/5/15 min, /proc/loadavg) at start: ").append(loadAtStart).append("; at end: ")
			.append(loadAtEnd).append('\n');
		text.append(String.format("- 1-minute load sampled every second during the run: mean %.2f, max %.2f "
				+ "(the 2 cores are shared with other engineers' builds and tests)%n%n", mean, max));
		text.append("## Versions\n\n");
		versions.forEach((what, version) -> text.append("- ").append(what).append(": ").append(version).append('\n'));
		text.append("\n## Settings\n\n");
		settings.forEach((key, value) -> text.append("- ").append(key).append(": ").append(value).append('\n'));
		text.append("\n## Results\n\n").append(results);
		Path file = RESULTS.resolve(LocalDate.now(ZoneOffset.UTC) + "-" + scenario + ".md");
		try {
			Files.createDirectories(RESULTS);
			Files.writeString(file, text);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		System.out.println("Report written to " + file.toAbsolutePath());
		return file;
	}

	@Override
	public void close() {
		sampler.shutdownNow();
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	private static String memTotal() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo")).stream()
				.filter(line -> line.startsWith("MemTotal"))
				.map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MiB")
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException e) {
			return "unknown";
		}
	}

	private static String postgresVersion() {
		try (var connection = DriverManager.getConnection("jdbc:postgresql://" + PostgresDatabases.HOST + "/postgres",
				PostgresDatabases.USER, "");
				var rows = connection.createStatement().executeQuery("SHOW server_version")) {
			rows.next();
			return rows.getString(1) + " at " + PostgresDatabases.HOST;
		}
		catch (SQLException e) {
			return "unknown (" + e.getMessage() + ")";
		}
	}

	/** Resident memory of a process in MiB, from {@code /proc/<pid>/status}. */
	public static long residentMiB(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
				.filter(line -> line.startsWith("VmRSS"))
				.mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
				.findFirst()
				.orElse(-1);
		}
		catch (IOException e) {
			return -1;
		}
	}
}

package org.skillexchange.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Backstage backend (notifications, auth with a test-user provider, signals) from
 * {@code src/test/backstage-harness}, run with {@code node} on a free loopback port
 * against the machine's PostgreSQL. {@link #shared()} starts one per JVM; a shutdown hook stops it
 * and drops its databases. Runs {@code npm ci} first when the harness is not installed.
 */
public final class BackstageHarness implements AutoCloseable {

	/** The subject of the harness's static token, so the origin Backstage stores on our notifications. */
	public static final String ORIGIN = "external:skill-exchange";

	static final Path DIRECTORY = Path.of("src/test/backstage-harness");

	private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(90);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static @Nullable BackstageHarness shared;

	// HTTP/1.1: the JDK's h2c upgrade request is handed to the signals plugin's websocket handler and never answered.
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	private volatile String token = "skx-test-" + UUID.randomUUID().toString().replace("-", "");

	private final String databasePrefix = "skx_bs_" + UUID.randomUUID().toString().substring(0, 8) + "_";

	private final Path log;

	private @Nullable Process process;

	/** Backstage config overrides ({@code APP_CONFIG_*}) for this backend only, such as a benchmark's pool size. */
	private final Map<String, String> extraEnvironment;

	/** Config files read after the harness's own, such as a benchmark's catalog and Slack processor. */
	private final List<Path> extraConfigs;

	/** From the last start's process launch to its first ready answer; -1 before the first start. */
	private volatile long millisToReady = -1;

	/** Where this start's output begins in the log, which keeps the output of earlier starts. */
	private volatile long logOffset;

	private BackstageHarness(Map<String, String> extraEnvironment, List<Path> extraConfigs) {
		this.extraEnvironment = Map.copyOf(extraEnvironment);
		this.extraConfigs = List.copyOf(extraConfigs);
		this.port = freePort();
		this.log = Path.of("target", "backstage-harness-" + databasePrefix + "log");
	}

	/** The backend, started on first use and stopped when the JVM exits. */
	public static synchronized BackstageHarness shared() {
		if (shared == null) {
			shared = startedForThisJvm();
		}
		return shared;
	}

	private static BackstageHarness startedForThisJvm() {
		var harness = new BackstageHarness(Map.of(), List.of());
		Runtime.getRuntime().addShutdownHook(new Thread(harness::close, "backstage-harness-stop"));
		harness.start();
		return harness;
	}

	/**
	 * A backend of its own (not the shared one) with extra environment, e.g. Backstage config
	 * overrides; started and ready. The caller closes it, which drops its databases.
	 */
	public static BackstageHarness startedWith(Map<String, String> extraEnvironment) {
		return startedWith(extraEnvironment, List.of());
	}

	/**
	 * As {@link #startedWith(Map)}, also reading {@code extraConfigs} (Backstage app-config files) after the
	 * harness's own, so that they override it. {@code ENABLE_CATALOG}, {@code ENABLE_SLACK} and
	 * {@code SLACK_API_URL} in the environment add the catalog and Backstage's Slack processor.
	 */
	public static BackstageHarness startedWith(Map<String, String> extraEnvironment, List<Path> extraConfigs) {
		var harness = new BackstageHarness(extraEnvironment, extraConfigs);
		Runtime.getRuntime().addShutdownHook(new Thread(harness::close, "backstage-harness-stop"));
		harness.start();
		return harness;
	}

	/** The node process id, for measuring its memory; -1 when stopped. */
	public long pid() {
		Process running = process;
		return running == null ? -1 : running.pid();
	}

	/** From the last start's process launch to its first ready answer (fresh databases on a first start); -1 before. */
	public long millisToReady() {
		return millisToReady;
	}

	/** The backend's output, of every start so far. */
	public Path logFile() {
		return log;
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + port);
	}

	/** The JDBC URL of a plugin's own database ({@code <prefix><pluginId>}), for reading what the backend stored. */
	public String jdbcUrl(String pluginId) {
		return "jdbc:postgresql://" + PostgresDatabases.HOST + "/" + databasePrefix + pluginId + "?user=" + PostgresDatabases.USER;
	}

	/** The static token listed in the backend's {@code backend.auth.externalAccess}, restricted to notifications. */
	public String serviceToken() {
		return token;
	}

	/**
	 * Starts the backend (again) on the same port and databases; returns once it is ready. A failed
	 * start is tried once more: on a busy shared PostgreSQL a plugin can miss its connection.
	 */
	public synchronized void start() {
		if (process != null && process.isAlive()) {
			return;
		}
		installIfMissing();
		try {
			startOnce();
		}
		catch (StartupFailed e) {
			System.out.println("Backstage harness startup failed, trying once more: " + e.getMessage().lines().findFirst().orElse(""));
			startOnce();
		}
	}

	/** The log showed Backstage's own "Backend startup failed". */
	static final class StartupFailed extends IllegalStateException {

		StartupFailed(String message) {
			super(message);
		}
	}

	private void startOnce() {
		var command = new ArrayList<>(List.of("node", "index.js", "--config", "app-config.yaml", "--config", "app-config.pg.yaml"));
		extraConfigs.forEach(config -> command.addAll(List.of("--config", config.toAbsolutePath().toString())));
		var builder = new ProcessBuilder(command)
			.directory(DIRECTORY.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toAbsolutePath().toFile()));
		Map<String, String> env = builder.environment();
		env.put("NOTIFY_TOKEN", token);
		env.put("ENABLE_TEST_USER_PROVIDER", "true");
		env.put("APP_CONFIG_backend_listen_port", String.valueOf(port));
		env.put("APP_CONFIG_backend_baseUrl", baseUrl().toString());
		env.put("APP_CONFIG_backend_database_prefix", databasePrefix);
		env.put("PGHOST", PostgresDatabases.HOST.split(":")[0]);
		env.put("PGPORT", PostgresDatabases.HOST.contains(":") ? PostgresDatabases.HOST.split(":")[1] : "5432");
		env.put("PGUSER", PostgresDatabases.USER);
		env.putAll(extraEnvironment);
		long started = System.nanoTime();
		try {
			Files.createDirectories(log.getParent());
			logOffset = Files.exists(log) ? Files.size(log) : 0;
			process = builder.start();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot run node (Node 20 is needed for the Backstage tests): " + e.getMessage(), e);
		}
		try {
			await("Backstage readiness on " + baseUrl()).atMost(READINESS_TIMEOUT)
				.pollInterval(Duration.ofMillis(50))
				.until(this::ready);
		}
		catch (RuntimeException e) {
			stop();
			throw e;
		}
		long readyMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		millisToReady = readyMillis;
		System.out.println("Backstage harness ready on " + baseUrl() + " in " + readyMillis + " ms (log " + log + ")");
	}

	/**
	 * Restarts the backend with {@code newToken} as its static external-access token, as an operator
	 * does after adding Skill Exchange's token to Backstage's config.
	 */
	public synchronized void restartAccepting(String newToken) {
		stop();
		token = newToken;
		start();
	}

	/** Stops the process, keeping its databases so that {@link #start()} brings the same state back. */
	public synchronized void stop() {
		Process running = process;
		process = null;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(15, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			running.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** Stops the process and drops its databases. */
	@Override
	public synchronized void close() {
		stop();
		dropDatabases();
	}

	/** A real signed Backstage user token from the test-user provider. */
	public String userToken(String name) {
		var response = send(HttpRequest.newBuilder(baseUrl().resolve("/api/auth/test-user/refresh?user=" + name)).GET());
		expectOk(response, "user token for " + name);
		return JSON.readTree(response.body()).path("backstageIdentity").path("token").asString();
	}

	/** The user's notifications, newest first, as Backstage returns them. */
	public List<Notification> listNotifications(String userToken) {
		var response = send(HttpRequest.newBuilder(baseUrl().resolve("/api/notifications/notifications?orderField=created,desc"))
			.header("Authorization", "Bearer " + userToken)
			.GET());
		expectOk(response, "list notifications");
		var notifications = new ArrayList<Notification>();
		for (JsonNode node : JSON.readTree(response.body()).path("notifications")) {
			notifications.add(Notification.of(node));
		}
		return notifications;
	}

	/** Turns off notifications from {@link #ORIGIN} on the Web channel in each user's Backstage settings. */
	public void setWebChannelOptOut(String... users) {
		String body = "{\"channels\":[{\"id\":\"Web\",\"origins\":[{\"id\":\"" + ORIGIN + "\",\"enabled\":false}]}]}";
		for (String user : users) {
			var response = send(HttpRequest.newBuilder(baseUrl().resolve("/api/notifications/settings"))
				.header("Authorization", "Bearer " + userToken(user))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
			expectOk(response, "opt-out settings for " + user);
		}
	}

	/** One stored notification; timestamps as Backstage sent them. */
	public record Notification(String id, @Nullable String user, String origin, String title, @Nullable String description,
			@Nullable String link, @Nullable String severity, @Nullable String topic, @Nullable String scope,
			@Nullable String updated) {

		static Notification of(JsonNode node) {
			JsonNode payload = node.path("payload");
			return new Notification(node.path("id").asString(), text(node, "user"), node.path("origin").asString(),
					payload.path("title").asString(), text(payload, "description"), text(payload, "link"),
					text(payload, "severity"), text(payload, "topic"), text(payload, "scope"), text(node, "updated"));
		}

		private static @Nullable String text(JsonNode node, String field) {
			JsonNode value = node.get(field);
			return value == null || value.isNull() ? null : value.asString();
		}
	}

	private boolean ready() throws IOException {
		Process running = process;
		if (running == null || !running.isAlive()) {
			throw new IllegalStateException("the Backstage harness exited during startup; log " + log + ":\n" + tail());
		}
		// A failed plugin start leaves the process running with readiness 503 for ever; start() stops it.
		if (outputOfThisStart().contains("Backend startup failed")) {
			throw new StartupFailed("Backend startup failed; log " + log + ":\n" + tail());
		}
		try {
			return http.send(HttpRequest.newBuilder(baseUrl().resolve("/.backstage/health/v1/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private String outputOfThisStart() throws IOException {
		if (!Files.exists(log)) {
			return "";
		}
		byte[] bytes = Files.readAllBytes(log);
		int from = (int) Math.min(logOffset, bytes.length);
		// ISO-8859-1 never fails on a byte sequence; the marker is plain ASCII.
		return new String(bytes, from, bytes.length - from, java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	private static synchronized void installIfMissing() {
		if (Files.exists(DIRECTORY.resolve("node_modules/.package-lock.json"))
				&& Files.exists(DIRECTORY.resolve("node_modules/@backstage/plugin-notifications-backend/package.json"))
				&& Files.exists(DIRECTORY.resolve("node_modules/@backstage/plugin-notifications-backend-module-slack/package.json"))) {
			return;
		}
		System.out.println("Installing the Backstage test harness: npm ci in " + DIRECTORY + " (1-2 minutes, once)");
		Path npmLog = Path.of("target", "backstage-harness-npm-ci.log");
		try {
			Files.createDirectories(npmLog.getParent());
			var npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
				.directory(DIRECTORY.toFile())
				.redirectErrorStream(true)
				.redirectOutput(npmLog.toFile())
				.start();
			if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
				npm.destroyForcibly();
				throw new IllegalStateException("npm ci in " + DIRECTORY + " failed; see " + npmLog);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot run npm (Node 20 and npm are needed for the Backstage tests): "
					+ e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted during npm ci", e);
		}
	}

	private void dropDatabases() {
		try (var connection = DriverManager.getConnection("jdbc:postgresql://" + PostgresDatabases.HOST + "/postgres",
				PostgresDatabases.USER, "");
				var statement = connection.createStatement()) {
			var names = new ArrayList<String>();
			try (var rows = statement.executeQuery(
					"SELECT datname FROM pg_database WHERE datname LIKE '" + databasePrefix.replace("_", "\\_") + "%'")) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
			for (String name : names) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
		catch (SQLException e) {
			System.err.println("could not drop the Backstage harness databases " + databasePrefix + "*: " + e.getMessage());
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void expectOk(HttpResponse<String> response, String what) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
		}
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException e) {
			return "(no log)";
		}
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

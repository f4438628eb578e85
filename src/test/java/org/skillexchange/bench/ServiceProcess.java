package org.skillexchange.bench;

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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/skill-exchange.jar serve} as a separate process on a PostgreSQL database,
 * with a static service token; ready once {@code /actuator/health} answers 200. Can be killed hard
 * and launched again on the same port and database.
 */
final class ServiceProcess implements AutoCloseable {

	static final Path JAR = Path.of("target", "skill-exchange.jar");

	private static final Path EXAMPLE_MEMBERS = Path.of("examples", "org.yaml");

	private final int port = freePort();

	private final String token = "bench-" + UUID.randomUUID();

	private final Path config;

	private final Path log;

	private Process process;

	private long millisToReady;

	/**
	 * @param backendBaseUrl Backstage's base URL (where the Backstage channel sends when it is on)
	 * @param notificationsYaml the {@code skillExchange.notifications} (and {@code backstage}, {@code slack}) sections, as if at the top level
	 * @param membersFile the members directory, a catalog file
	 */
	private ServiceProcess(String jdbcUrl, String name, String backendBaseUrl, String notificationsYaml, Path membersFile) {
		if (!Files.exists(JAR)) {
			throw new IllegalStateException(JAR + " is missing: bench/run builds it (./mvnw -q package -DskipTests)");
		}
		Path directory = Path.of("target", "bench");
		this.config = directory.resolve(name + ".app-config.yaml");
		this.log = directory.resolve(name + ".log");
		try {
			Files.createDirectories(directory);
			Files.deleteIfExists(log);
			// The token is random per run and the file stays under target/; never printed.
			Files.writeString(config, """
					app:
					  baseUrl: http://localhost:3000
					backend:
					  baseUrl: %s
					skillExchange:
					%s
					  auth:
					    externalAccess:
					      - token: %s
					        subject: bench
					  service:
					    port: %d
					    database:
					      client: pg
					      connection: "%s"
					  members:
					    source: file
					    file: %s
					""".formatted(backendBaseUrl, notificationsYaml.stripIndent().indent(2).stripTrailing(), token, port, jdbcUrl,
					membersFile.toAbsolutePath()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		launch();
	}

	/** Our service with no channel on. */
	static ServiceProcess start(String jdbcUrl, String name) {
		return new ServiceProcess(jdbcUrl, name, "http://localhost:7007", "notifications:\n  enabled: false\n", EXAMPLE_MEMBERS);
	}

	/** Our service with the given notifications/backstage sections, its Backstage channel sending to {@code backendBaseUrl}. */
	static ServiceProcess start(String jdbcUrl, String name, String backendBaseUrl, String notificationsYaml) {
		return start(jdbcUrl, name, backendBaseUrl, notificationsYaml, EXAMPLE_MEMBERS);
	}

	/** As above, with the people from {@code membersFile} instead of the example organisation. */
	static ServiceProcess start(String jdbcUrl, String name, String backendBaseUrl, String notificationsYaml, Path membersFile) {
		return new ServiceProcess(jdbcUrl, name, backendBaseUrl, notificationsYaml, membersFile);
	}

	/** Launches the process (again: same port, database and config) and waits until it is ready. */
	void launch() {
		long started = System.nanoTime();
		try {
			process = new ProcessBuilder(List.of("java", "-jar", JAR.toString(), "serve", "--config", config.toString()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		var http = HttpClient.newHttpClient();
		try {
			awaitReady(http);
		}
		catch (RuntimeException e) {
			process.destroyForcibly();
			throw e;
		}
		millisToReady = Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

	private void awaitReady(HttpClient http) {
		await("Skill Exchange ready on port " + port + " (log " + log + ")").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("the service exited during startup; see " + log);
				}
				try {
					return http.send(HttpRequest.newBuilder(baseUrl().resolve("/actuator/health")).build(),
							HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				}
				catch (IOException e) {
					return false;
				}
			});
	}

	/** kill -9: on Linux {@code destroyForcibly} sends SIGKILL, so no shutdown hook or graceful stop runs. */
	void killHard() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + port);
	}

	String serviceToken() {
		return token;
	}

	long pid() {
		return process.pid();
	}

	/** From the last launch to the first 200 from {@code /actuator/health}. */
	long millisToReady() {
		return millisToReady;
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
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

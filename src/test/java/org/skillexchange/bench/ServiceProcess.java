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
 * with a static service token; ready once {@code /actuator/health} answers 200.
 */
final class ServiceProcess implements AutoCloseable {

	static final Path JAR = Path.of("target", "skill-exchange.jar");

	private final int port = freePort();

	private final String token = "bench-" + UUID.randomUUID();

	private final Process process;

	private final long millisToReady;

	private ServiceProcess(String jdbcUrl, String name) {
		if (!Files.exists(JAR)) {
			throw new IllegalStateException(JAR + " is missing: bench/run builds it (./mvnw -q package -DskipTests)");
		}
		Path directory = Path.of("target", "bench");
		Path config = directory.resolve(name + ".app-config.yaml");
		Path log = directory.resolve(name + ".log");
		try {
			Files.createDirectories(directory);
			// The token is random per run and the file stays under target/; never printed.
			Files.writeString(config, """
					app:
					  baseUrl: http://localhost:3000
					backend:
					  baseUrl: http://localhost:7007
					skillExchange:
					  notifications:
					    enabled: false
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
					    file: examples/org.yaml
					""".formatted(token, port, jdbcUrl));
			long started = System.nanoTime();
			process = new ProcessBuilder(List.of("java", "-jar", JAR.toString(), "serve", "--config", config.toString()))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			var http = HttpClient.newHttpClient();
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
			millisToReady = Duration.ofNanos(System.nanoTime() - started).toMillis();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static ServiceProcess start(String jdbcUrl, String name) {
		return new ServiceProcess(jdbcUrl, name);
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

	/** From process start to the first 200 from {@code /actuator/health}. */
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

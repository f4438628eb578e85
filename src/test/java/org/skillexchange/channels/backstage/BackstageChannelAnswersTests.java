package org.skillexchange.channels.backstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillexchange.channels.backstage.BackstageTestData.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillexchange.notifications.spi.ChannelStatus;
import org.skillexchange.notifications.spi.DeliveryOutcome;

/**
 * Answers that the harness cannot be made to give on demand (a proxy's 502 page, 503 with
 * Retry-After, no answer at all), served by a local stand-in for what sits in front of Backstage.
 */
class BackstageChannelAnswersTests {

	private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	private final CountDownLatch release = new CountDownLatch(1);

	private HttpServer server;

	private volatile int status;

	private volatile String body = "";

	private volatile Map<String, String> headers = Map.of();

	private volatile boolean answer = true;

	/** What Backstage's readiness check answers; 0: the same as every other path. */
	private volatile int readiness;

	@BeforeEach
	void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext(BackstageApi.READINESS_PATH, exchange -> {
			exchange.sendResponseHeaders(readiness != 0 ? readiness : status, -1);
			exchange.close();
		});
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			if (!answer) {
				awaitRelease();
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			headers.forEach(exchange.getResponseHeaders()::add);
			exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stopServer() {
		release.countDown();
		server.stop(0);
	}

	private void awaitRelease() {
		try {
			release.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private URI url() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	private BackstageChannel channel() {
		return BackstageTestData.channel(url(), "a-token-0123456789", Duration.ofMillis(500), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private DeliveryOutcome deliverWhenAnswering(int status, String body, Map<String, String> headers) {
		this.status = status;
		this.body = body;
		this.headers = headers;
		return channel().deliver(delivery("jdoe", "Hello"));
	}

	@Test
	void unavailableBackstageIsRetriedAfterItsRetryAfterSeconds() {
		var outcome = deliverWhenAnswering(503, "{\"error\":{\"name\":\"ServiceUnavailableError\",\"message\":\"maintenance\"}}",
				Map.of("Retry-After", "7"));

		assertThat(outcome).isEqualTo(new DeliveryOutcome.RetryLater("Backstage answered HTTP 503 ServiceUnavailableError: maintenance",
				Duration.ofSeconds(7)));
	}

	@Test
	void rateLimitedDeliveryIsRetriedAtTheRetryAfterDate() {
		var outcome = deliverWhenAnswering(429, "", Map.of("Retry-After", "Fri, 04 Dec 2026 12:01:30 GMT"));

		assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.RetryLater.class,
				later -> assertThat(later.retryAfter()).isEqualTo(Duration.ofSeconds(90)));
	}

	@Test
	void backstagesOwnDatabaseFailureIsRetriedThoughItAnswers400() {
		// What the real backend answered when its PostgreSQL had no free connections.
		var outcome = deliverWhenAnswering(400, "{\"error\":{\"name\":\"InputError\",\"message\":\"Failed to send user notifications;"
				+ " caused by error: sorry, too many clients already\"},\"response\":{\"statusCode\":400}}", Map.of());

		assertThat(outcome).isEqualTo(new DeliveryOutcome.RetryLater("Backstage could not store the notification (HTTP 400"
				+ " InputError: Failed to send user notifications; caused by error: sorry, too many clients already)", null));
	}

	@Test
	void schemaErrorIsAPermanentFailure() {
		var outcome = deliverWhenAnswering(400, "{\"error\":{\"name\":\"InputError\",\"message\":\"request/body/payload must"
				+ " have required property 'title'\"}}", Map.of());

		assertThat(outcome).isEqualTo(new DeliveryOutcome.PermanentFailure("Backstage rejected the notification (HTTP 400"
				+ " InputError: request/body/payload must have required property 'title')"));
	}

	@Test
	void proxyErrorPageIsRetriedWithItsTextInTheReason() {
		var outcome = deliverWhenAnswering(502, "<html>Bad Gateway</html>", Map.of());

		assertThat(outcome).isEqualTo(new DeliveryOutcome.RetryLater("Backstage answered HTTP 502 <html>Bad Gateway</html>", null));
	}

	@Test
	void okWithoutAListIsRetriedBecauseTheNotificationMayOrMayNotExist() {
		var outcome = deliverWhenAnswering(200, "<html>login</html>", Map.of());

		assertThat(outcome).isInstanceOf(DeliveryOutcome.RetryLater.class);
	}

	@Test
	void tokenRestrictedToAnotherPluginTakesTheChannelDown() {
		var outcome = deliverWhenAnswering(403, "{\"error\":{\"name\":\"NotAllowedError\",\"message\":\"This token's access is"
				+ " restricted to plugin(s) 'catalog'\"}}", Map.of());

		assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.ChannelDown.class, down -> assertThat(down.reason())
			.contains("HTTP 403 NotAllowedError: This token's access is restricted to plugin(s) 'catalog'", "- plugin: notifications"));
	}

	@Test
	void backendWithoutTheNotificationsPluginTakesTheChannelDown() {
		var outcome = deliverWhenAnswering(404, "", Map.of());

		assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.ChannelDown.class,
				down -> assertThat(down.reason()).contains("no notifications backend", "backend.baseUrl"));
	}

	@Test
	void backstageStillStartingTakesTheChannelDownSayingSoNotThatThePluginIsMissing() {
		// The real backend while it starts: its router answers 404 before the plugins are up, its readiness check 503.
		readiness = 503;

		var outcome = deliverWhenAnswering(404, "{\"error\":{\"name\":\"NotFoundError\",\"message\":\"Not Found\"}}", Map.of());

		assertThat(outcome).isEqualTo(new DeliveryOutcome.ChannelDown("Backstage at " + url() + " is starting or stopping (its "
				+ "readiness check answers 503); deliveries wait and resume once it is ready"));
	}

	@Test
	void backstageThatDoesNotAnswerInTimeIsRetried() {
		answer = false;

		var outcome = channel().deliver(delivery("jdoe", "Hello"));

		assertThat(outcome).isEqualTo(new DeliveryOutcome.RetryLater("Backstage at " + url() + " did not answer within 500 ms", null));
	}

	@Test
	void refusedConnectionTakesTheChannelDownSoDeliveriesWaitWithoutUsingAttempts() {
		URI closed = url();
		server.stop(0);
		var channel = BackstageTestData.channel(closed, "a-token-0123456789");

		var outcome = channel.deliver(delivery("jdoe", "Hello"));

		// The same words as the probe's, so the reason in health stays put while the probes fail.
		assertThat(outcome).isEqualTo(new DeliveryOutcome.ChannelDown("cannot reach Backstage at " + closed + ": connection refused"));
		assertThat(channel.probe()).contains("cannot reach Backstage at " + closed + ": connection refused");
	}

	@Test
	void channelIsOffWhenNotificationsAreDisabled() {
		var channel = new BackstageChannel(new BackstageSettings("a-token-0123456789", Duration.ofSeconds(1)), false,
				BackstageTestData.APP_BASE_URL, url(), Clock.systemUTC());

		assertThat(channel.status()).isEqualTo(ChannelStatus.off("skillExchange.notifications.enabled is not true"));
	}

	@Test
	void channelIsOffWithTheFixWhenTheTokenIsMissing() {
		var channel = BackstageTestData.channel(url(), " ");

		assertThat(channel.status().enabled()).isFalse();
		assertThat(channel.status().detail()).startsWith("skillExchange.backstage.token is not set").contains("externalAccess:");
		assertThat(channel.deliver(delivery("jdoe", "Hello"))).isInstanceOf(DeliveryOutcome.ChannelDown.class);
		assertThat(channel.probe()).isPresent();
	}

	@Test
	void channelIsOnAndSaysWhereItSends() {
		assertThat(channel().status()).isEqualTo(ChannelStatus.on("sending to " + url()));
	}
}

package org.skillexchange.channels.backstage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one Backstage call the channel makes: {@code POST /api/notifications/notifications} with a bearer token. */
final class BackstageApi {

	static final String NOTIFICATIONS_PATH = "/api/notifications/notifications";

	static final String READINESS_PATH = "/.backstage/health/v1/readiness";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI endpoint;

	private final String token;

	private final Duration timeout;

	BackstageApi(URI backendBaseUrl, String token, Duration timeout) {
		this.endpoint = URI.create(backendBaseUrl.toString().replaceAll("/+$", "") + NOTIFICATIONS_PATH);
		this.token = token;
		this.timeout = timeout;
		// HTTP/1.1: Backstage hands an h2c upgrade request to its websocket handler, which never answers it.
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	URI endpoint() {
		return endpoint;
	}

	/** Throws {@link IOException} when Backstage cannot be reached or does not answer in time. */
	Answer send(NotificationSendOptions options) throws IOException {
		var request = HttpRequest.newBuilder(endpoint)
			.timeout(timeout)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(options)))
			.build();
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for Backstage", e);
		}
	}

	/**
	 * The HTTP status of Backstage's readiness check ({@code GET /.backstage/health/v1/readiness}, 503
	 * while it starts or stops); empty when nothing answers.
	 */
	Optional<Integer> readiness() {
		var request = HttpRequest.newBuilder(URI.create(endpoint.toString().replace(NOTIFICATIONS_PATH, READINESS_PATH)))
			.timeout(timeout)
			.GET()
			.build();
		try {
			return Optional.of(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
		}
		catch (IOException e) {
			return Optional.empty();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** An HTTP answer; {@link #json()} is empty when the body is not JSON (a proxy's HTML error page, say). */
	record Answer(int status, String body, @Nullable String retryAfter) {

		Optional<JsonNode> json() {
			try {
				return Optional.of(JSON.readTree(body));
			}
			catch (RuntimeException e) {
				return Optional.empty();
			}
		}

		/** Backstage's {@code error.name: error.message}, or the start of the body when it is not Backstage's error shape. */
		String error() {
			return json().map(node -> node.path("error"))
				.filter(error -> error.has("message"))
				.map(error -> (error.has("name") ? error.path("name").asString() + ": " : "") + error.path("message").asString())
				.orElseGet(() -> body.isBlank() ? "(empty body)" : body.strip().substring(0, Math.min(200, body.strip().length())));
		}
	}
}

package org.skillexchange.channels.backstage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** Forwards every request to a real Backstage and keeps what was sent, for the contract check. */
final class RecordingProxy implements AutoCloseable {

	record Recorded(String method, String path, String body) {
	}

	private final HttpServer server;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final List<Recorded> recorded = new CopyOnWriteArrayList<>();

	RecordingProxy(URI upstream) {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String path = exchange.getRequestURI().toString();
			recorded.add(new Recorded(exchange.getRequestMethod(), path, body));
			var forward = HttpRequest.newBuilder(upstream.resolve(path))
				.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofString(body));
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Content-Type")) {
					values.forEach(value -> forward.header(name, value));
				}
			});
			try {
				var response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
				exchange.getResponseBody().write(response.body());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				exchange.sendResponseHeaders(502, -1);
			}
			finally {
				exchange.close();
			}
		});
		server.start();
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	List<Recorded> recorded() {
		return List.copyOf(recorded);
	}

	@Override
	public void close() {
		server.stop(0);
	}
}

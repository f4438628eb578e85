package org.skillexchange.slacksim;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.jspecify.annotations.Nullable;

/**
 * The Socket Mode link: single-use tickets from {@code apps.connections.open}, {@code hello} on
 * connect, envelopes to the newest connection, acks recorded, and envelopes that are not acked in
 * time sent again with a higher {@code retry_attempt}.
 */
final class SocketModeLink extends WebSocketServer {

	/** An ack from the app: the envelope it acknowledges and the response payload, if any. */
	record Ack(String envelopeId, @Nullable String payloadJson, Instant at) {
	}

	private record Pending(JsonObject envelope, int attempt) {
	}

	static final int MAX_RETRIES = 3;

	private final Clock clock;

	private final Duration ackTimeout;

	private final Set<String> tickets = ConcurrentHashMap.newKeySet();

	private final List<WebSocket> open = new CopyOnWriteArrayList<>();

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final List<Ack> acks = new CopyOnWriteArrayList<>();

	private final List<JsonObject> sent = new CopyOnWriteArrayList<>();

	private final CountDownLatch started = new CountDownLatch(1);

	private final ScheduledExecutorService redelivery = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "slacksim-redelivery");
		thread.setDaemon(true);
		return thread;
	});

	private volatile int connectionsOpened;

	SocketModeLink(int port, Clock clock, Duration ackTimeout) {
		super(new InetSocketAddress("127.0.0.1", port));
		this.clock = clock;
		this.ackTimeout = ackTimeout;
		setReuseAddr(true);
		setDaemon(true);
	}

	void startAndWait() {
		start();
		try {
			if (!started.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Socket Mode link did not start");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	void shutdown() {
		redelivery.shutdownNow();
		try {
			stop(1000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	String newUrl() {
		String ticket = UUID.randomUUID().toString();
		tickets.add(ticket);
		return "ws://127.0.0.1:" + getPort() + "/link/?ticket=" + ticket + "&app_id=" + Workspace.APP_ID;
	}

	@Override
	public void onStart() {
		started.countDown();
	}

	@Override
	public void onOpen(WebSocket connection, ClientHandshake handshake) {
		String query = URI.create(handshake.getResourceDescriptor()).getQuery();
		String ticket = query == null ? null : java.util.Arrays.stream(query.split("&"))
			.filter(pair -> pair.startsWith("ticket="))
			.map(pair -> pair.substring("ticket=".length()))
			.findFirst()
			.orElse(null);
		if (ticket == null || !tickets.remove(ticket)) {
			connection.close(1008, "invalid or used ticket");
			return;
		}
		open.add(connection);
		connectionsOpened++;
		var hello = new JsonObject();
		hello.addProperty("type", "hello");
		hello.addProperty("num_connections", open.size());
		var debug = new JsonObject();
		debug.addProperty("host", "applink-simulated");
		debug.addProperty("approximate_connection_time", 18060);
		hello.add("debug_info", debug);
		var info = new JsonObject();
		info.addProperty("app_id", Workspace.APP_ID);
		hello.add("connection_info", info);
		connection.send(hello.toString());
	}

	@Override
	public void onClose(WebSocket connection, int code, String reason, boolean remote) {
		open.remove(connection);
	}

	@Override
	public void onMessage(WebSocket connection, String message) {
		try {
			JsonElement json = JsonParser.parseString(message);
			if (json.isJsonObject() && json.getAsJsonObject().has("envelope_id")) {
				String id = json.getAsJsonObject().get("envelope_id").getAsString();
				JsonElement payload = json.getAsJsonObject().get("payload");
				acks.add(new Ack(id, payload == null ? null : payload.toString(), clock.instant()));
				pending.remove(id);
			}
		}
		catch (JsonParseException e) {
			// A client sending garbage is not our problem to solve; Slack ignores it too.
		}
	}

	@Override
	public void onError(@Nullable WebSocket connection, Exception e) {
		// Connection errors end in onClose; nothing to keep.
	}

	/** Sends an envelope to the newest open connection; returns its envelope id. */
	String sendEnvelope(String type, JsonObject payload, boolean acceptsResponsePayload) {
		String id = UUID.randomUUID().toString();
		var envelope = new JsonObject();
		envelope.addProperty("envelope_id", id);
		envelope.addProperty("type", type);
		envelope.addProperty("accepts_response_payload", acceptsResponsePayload);
		envelope.add("payload", payload);
		deliver(new Pending(envelope, 0));
		return id;
	}

	private void deliver(Pending item) {
		JsonObject envelope = item.envelope().deepCopy();
		envelope.addProperty("retry_attempt", item.attempt());
		envelope.addProperty("retry_reason", item.attempt() == 0 ? "" : "timeout");
		String id = envelope.get("envelope_id").getAsString();
		pending.put(id, item);
		if (!open.isEmpty()) {
			WebSocket newest = open.get(open.size() - 1);
			newest.send(envelope.toString());
			sent.add(envelope);
		}
		redelivery.schedule(() -> {
			Pending still = pending.get(id);
			if (still != null && still.attempt() == item.attempt() && item.attempt() < MAX_RETRIES) {
				deliver(new Pending(item.envelope(), item.attempt() + 1));
			}
		}, ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	void redeliver(String envelopeId) {
		JsonObject last = sent.stream()
			.filter(envelope -> envelope.get("envelope_id").getAsString().equals(envelopeId))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalArgumentException("no envelope " + envelopeId + " was sent"));
		deliver(new Pending(last, last.get("retry_attempt").getAsInt() + 1));
	}

		void disconnectAll(String reason) {
		var disconnect = new JsonObject();
		disconnect.addProperty("type", "disconnect");
		disconnect.addProperty("reason", reason);
		var debug = new JsonObject();
		debug.addProperty("host", "applink-simulated");
		disconnect.add("debug_info", debug);
		open.forEach(connection -> connection.send(disconnect.toString()));
	}

	void dropAll() {
		open.forEach(connection -> connection.closeConnection(1006, "dropped by the simulator"));
	}

	int openConnections() {
		return open.size();
	}

	int connectionsOpened() {
		return connectionsOpened;
	}

	List<Ack> acks() {
		return List.copyOf(acks);
	}

	List<String> sentEnvelopes() {
		return sent.stream().map(JsonObject::toString).toList();
	}
}

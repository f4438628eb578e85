package org.skillexchange.slacksim;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A bare Socket Mode client that never acks, to see exactly what the link sends. */
class RawSocketClient extends WebSocketClient {

	final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();

	RawSocketClient(URI uri) {
		super(uri);
	}

	/** The next frame that carries an envelope, skipping hello and disconnect frames. */
	JsonObject awaitEnvelope() throws InterruptedException {
		return awaitFrame(frame -> frame.has("envelope_id"));
	}

	JsonObject awaitFrame(java.util.function.Predicate<JsonObject> wanted) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			JsonObject frame = frames.poll(100, TimeUnit.MILLISECONDS);
			if (frame != null && wanted.test(frame)) {
				return frame;
			}
		}
		throw new AssertionError("no such frame within 10 s");
	}

	@Override
	public void onOpen(ServerHandshake handshake) {
	}

	@Override
	public void onMessage(String message) {
		frames.add(JsonParser.parseString(message).getAsJsonObject());
	}

	@Override
	public void onClose(int code, String reason, boolean remote) {
	}

	@Override
	public void onError(Exception e) {
	}
}

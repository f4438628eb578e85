package org.skillexchange.slacksim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A local Slack workspace with one app installed: the Web API under {@code /api/} and the Socket
 * Mode link on a second port. Start it with {@link #start}; close it when done.
 */
public final class SlackSimulator implements AutoCloseable {

	public static final String BOT_TOKEN = "xoxb-simulated-bot-token";

	public static final String APP_TOKEN = "xapp-simulated-app-token";

	/** The bot scopes the service's manifest asks for. */
	public static final List<String> MANIFEST_BOT_SCOPES = List.of("users:read", "users:read.email", "im:write", "chat:write",
			"chat:write.public");

	private final Workspace workspace;

	private final SocketModeLink link;

	private final WebApi api;

	private final HttpServer server;

	private final ExecutorService executor;

	private SlackSimulator(Options options) throws IOException {
		this.workspace = new Workspace(options.clock);
		this.link = new SocketModeLink(options.socketPort, options.clock, options.ackTimeout);
		this.api = new WebApi(workspace, link, options.clock, options.rateLimits);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port), 64);
		this.executor = Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "slacksim-http");
			thread.setDaemon(true);
			return thread;
		});
		server.createContext("/api/", api);
		server.createContext("/response/", api);
		server.setExecutor(executor);
		workspace.addToken(new SimulatedToken(BOT_TOKEN, SimulatedToken.Kind.BOT, MANIFEST_BOT_SCOPES));
		workspace.addToken(new SimulatedToken(APP_TOKEN, SimulatedToken.Kind.APP, List.of("connections:write")));
	}

	/** How to start: ports (0 picks free ones), clock, rate limits and the Socket Mode ack timeout. */
	public static final class Options {

		private int port;

		private int socketPort;

		private Clock clock = Clock.systemUTC();

		private RateLimits rateLimits = RateLimits.slackTiers();

		private Duration ackTimeout = Duration.ofSeconds(3);

		public Options port(int value) {
			this.port = value;
			return this;
		}

		public Options socketPort(int value) {
			this.socketPort = value;
			return this;
		}

		public Options clock(Clock value) {
			this.clock = Objects.requireNonNull(value);
			return this;
		}

		public Options rateLimits(RateLimits value) {
			this.rateLimits = Objects.requireNonNull(value);
			return this;
		}

		public Options ackTimeout(Duration value) {
			this.ackTimeout = Objects.requireNonNull(value);
			return this;
		}
	}

	public static Options options() {
		return new Options();
	}

	public static SlackSimulator start(Options options) {
		try {
			var simulator = new SlackSimulator(options);
			simulator.link.startAndWait();
			simulator.server.start();
			return simulator;
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot start the Slack simulator on port " + options.port + ": " + e.getMessage(), e);
		}
	}

	/** The Web API prefix for {@code SlackConfig.setMethodsEndpointUrlPrefix}, with its trailing slash. */
	public String apiUrl() {
		return "http://127.0.0.1:" + port() + "/api/";
	}

	public int port() {
		return server.getAddress().getPort();
	}

	public int socketPort() {
		return link.getPort();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
		link.shutdown();
	}

	// --- workspace state

	public SlackSimulator addUser(SimulatedUser user) {
		workspace.addUser(user);
		return this;
	}

	public List<SimulatedUser> users() {
		return workspace.users();
	}

	/** Adds a token or replaces the scopes of a known one. */
	public SlackSimulator addToken(SimulatedToken token) {
		workspace.addToken(token);
		return this;
	}

	public List<SimulatedToken> tokens() {
		return workspace.tokens();
	}

	/** Forgets a token: it answers {@code invalid_auth} from now on. */
	public SlackSimulator removeToken(String token) {
		workspace.removeToken(token);
		return this;
	}

	public SlackSimulator revoke(String token) {
		workspace.revoke(token);
		return this;
	}

	/** An uninstalled app's tokens answer {@code token_revoked}, as after uninstalling in Slack. */
	public SlackSimulator appInstalled(boolean installed) {
		workspace.appInstalled(installed);
		return this;
	}

	public SlackSimulator socketModeEnabled(boolean enabled) {
		workspace.socketModeEnabled(enabled);
		return this;
	}

	public SlackSimulator archive(String channel) {
		workspace.archive(channel);
		return this;
	}

	/** The app's DM with a user, opening it as {@code conversations.open} would. */
	public String dmWith(String userId) {
		return workspace.openDm(userId).getKey();
	}

	public List<SimulatedMessage> messages(String channel) {
		return workspace.messages(channel);
	}

	public List<SimulatedMessage> allMessages() {
		return workspace.allMessages();
	}

	// --- observation and faults

	public List<RecordedRequest> requests() {
		return api.requests();
	}

	public List<RecordedRequest> requests(String method) {
		return api.requests().stream().filter(request -> request.method().equals(method)).toList();
	}

	public void clearRequests() {
		api.clearRequests();
	}

	/** Bodies posted to the {@code response_url} of clicked buttons. */
	public List<String> responseUrlPosts() {
		return api.responseUrlPosts();
	}

	/** Injects a fault into the next {@code times} calls of {@code method}. */
	public SlackSimulator inject(String method, Fault fault, int times) {
		api.inject(method, fault, times);
		return this;
	}

	/** Faults at random from now on, in the storm's shares; {@code null} calms it. */
	public SlackSimulator storm(@Nullable FaultStorm storm) {
		api.storm(storm);
		return this;
	}

	/** Extra time before every answer. */
	public SlackSimulator latency(Duration latency) {
		api.latency(latency);
		return this;
	}

	// --- Socket Mode

	public int openSocketConnections() {
		return link.openConnections();
	}

	public int socketConnectionsOpened() {
		return link.connectionsOpened();
	}

	/** Sends {@code {"type":"disconnect","reason":…}} to every connection, as Slack does before refreshing a link. */
	public void disconnectSockets(String reason) {
		link.disconnectAll(reason);
	}

	/** Closes every socket without a close frame, as a network failure would. */
	public void dropSocketConnections() {
		link.dropAll();
	}

	public List<SocketAck> acks() {
		return link.acks().stream().map(ack -> new SocketAck(ack.envelopeId(), ack.payloadJson())).toList();
	}

	/** Envelopes as sent, redeliveries included, as JSON text. */
	public List<String> sentEnvelopes() {
		return link.sentEnvelopes();
	}

	/** An ack the app sent for an envelope. */
	public record SocketAck(String envelopeId, @Nullable String payloadJson) {
	}

	/** A click on a button in a message the app posted. */
	public record ButtonClick(String userId, String channel, String messageTs, String actionId, String value) {
	}

	/** Sends a {@code block_actions} interactive envelope for the click; returns the envelope id. */
	public String clickButton(ButtonClick click) {
		return link.sendEnvelope("interactive", blockActions(click), false);
	}

	/**
	 * The {@code block_actions} payload of the click as JSON, for posting it to an app's HTTP
	 * interactivity endpoint (form field {@code payload}) instead of over Socket Mode.
	 */
	public String blockActionsPayload(ButtonClick click) {
		return blockActions(click).toString();
	}

	/** Sends an envelope again with the next {@code retry_attempt}, as Slack does when it did not get the ack. */
	public void redeliver(String envelopeId) {
		link.redeliver(envelopeId);
	}

	private JsonObject blockActions(ButtonClick click) {
		SimulatedUser user = workspace.user(click.userId())
			.orElseThrow(() -> new IllegalArgumentException("no user " + click.userId() + " in the simulated workspace"));
		SimulatedMessage message = workspace.messages(click.channel())
			.stream()
			.filter(m -> m.ts().equals(click.messageTs()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no message " + click.messageTs() + " in " + click.channel()));
		return blockActions(user, message, click);
	}

	private JsonObject blockActions(SimulatedUser user, SimulatedMessage message, ButtonClick click) {
		var payload = new JsonObject();
		payload.addProperty("type", "block_actions");
		var team = new JsonObject();
		team.addProperty("id", Workspace.TEAM_ID);
		team.addProperty("domain", Workspace.TEAM_DOMAIN);
		payload.add("team", team);
		var clicker = new JsonObject();
		clicker.addProperty("id", user.id());
		clicker.addProperty("username", user.name());
		clicker.addProperty("name", user.name());
		clicker.addProperty("team_id", Workspace.TEAM_ID);
		payload.add("user", clicker);
		payload.addProperty("api_app_id", Workspace.APP_ID);
		payload.addProperty("token", "simulated-verification-token");
		var container = new JsonObject();
		container.addProperty("type", "message");
		container.addProperty("message_ts", message.ts());
		container.addProperty("channel_id", message.channel());
		container.addProperty("is_ephemeral", false);
		payload.add("container", container);
		payload.addProperty("trigger_id", UUID.randomUUID().toString());
		var channel = new JsonObject();
		channel.addProperty("id", message.channel());
		channel.addProperty("name", "directmessage");
		payload.add("channel", channel);
		payload.add("message", WebApi.messageJson(message, false));
		payload.addProperty("response_url", "http://127.0.0.1:" + port() + "/response/" + UUID.randomUUID());
		var action = new JsonObject();
		action.addProperty("action_id", click.actionId());
		action.addProperty("block_id", blockIdOf(message, click.actionId()));
		var text = new JsonObject();
		text.addProperty("type", "plain_text");
		text.addProperty("text", click.actionId());
		text.addProperty("emoji", true);
		action.add("text", text);
		action.addProperty("value", click.value());
		action.addProperty("type", "button");
		action.addProperty("action_ts", String.format("%.6f", System.currentTimeMillis() / 1000.0));
		var actions = new JsonArray();
		actions.add(action);
		payload.add("actions", actions);
		var state = new JsonObject();
		state.add("values", new JsonObject());
		payload.add("state", state);
		payload.addProperty("is_enterprise_install", false);
		return payload;
	}

	/** The block holding the button, as Slack reports it; a generated id when the message has none. */
	private static String blockIdOf(SimulatedMessage message, String actionId) {
		if (message.blocksJson() != null) {
			for (var block : JsonParser.parseString(message.blocksJson()).getAsJsonArray()) {
				JsonObject object = block.getAsJsonObject();
				if (object.has("elements") && object.get("elements").toString().contains("\"" + actionId + "\"")
						&& object.has("block_id")) {
					return object.get("block_id").getAsString();
				}
			}
		}
		return UUID.randomUUID().toString().substring(0, 5);
	}
}

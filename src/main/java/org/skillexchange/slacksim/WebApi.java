package org.skillexchange.slacksim;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

/** Serves {@code /api/<method>} the way Slack does: HTTP 200 with {@code ok:false} for errors, 429 for rate limits. */
final class WebApi implements HttpHandler {

	private record Method(SimulatedToken.@Nullable Kind kind, List<String> acceptedScopes,
			Function<Call, JsonObject> handler) {
	}

	/** One authenticated call being answered. */
	record Call(String method, Map<String, String> params, SimulatedToken token) {

		@Nullable String param(String name) {
			String value = params.get(name);
			return value == null || value.isEmpty() ? null : value;
		}
	}

	/** An {@code ok:false} answer, thrown from a method handler. */
	static final class SlackError extends RuntimeException {

		final String error;

		SlackError(String error) {
			super(error, null, false, false);
			this.error = error;
		}
	}

	static final int MAX_TEXT = 40_000;

	private static final Set<String> BLOCK_TYPES = Set.of("section", "actions", "context", "divider", "header", "image",
			"input", "rich_text", "file", "video", "markdown");

	private final Workspace workspace;

	private final SocketModeLink link;

	private final Clock clock;

	private final RateLimits rateLimits;

	private final Map<String, Method> methods = new LinkedHashMap<>();

	private final Map<String, Deque<Fault>> faults = new HashMap<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final List<String> responseUrlPosts = new CopyOnWriteArrayList<>();

	private volatile Duration latency = Duration.ZERO;

	private @Nullable FaultStorm storm;

	private @Nullable Random stormDraws;

	WebApi(Workspace workspace, SocketModeLink link, Clock clock, RateLimits rateLimits) {
		this.workspace = workspace;
		this.link = link;
		this.clock = clock;
		this.rateLimits = rateLimits;
		methods.put("auth.test", new Method(null, List.of(), this::authTest));
		methods.put("users.lookupByEmail", new Method(SimulatedToken.Kind.BOT, List.of("users:read.email"), this::lookupByEmail));
		methods.put("users.info", new Method(SimulatedToken.Kind.BOT, List.of("users:read"), this::usersInfo));
		methods.put("conversations.open", new Method(SimulatedToken.Kind.BOT,
				List.of("channels:write", "groups:write", "im:write", "mpim:write"), this::conversationsOpen));
		methods.put("conversations.history", new Method(SimulatedToken.Kind.BOT,
				List.of("channels:history", "groups:history", "im:history", "mpim:history"), this::conversationsHistory));
		methods.put("chat.postMessage", new Method(SimulatedToken.Kind.BOT, List.of("chat:write"), this::postMessage));
		methods.put("chat.update", new Method(SimulatedToken.Kind.BOT, List.of("chat:write"), this::update));
		methods.put("apps.connections.open", new Method(SimulatedToken.Kind.APP, List.of("connections:write"), this::connectionsOpen));
	}

	List<RecordedRequest> requests() {
		return List.copyOf(requests);
	}

	List<String> responseUrlPosts() {
		return List.copyOf(responseUrlPosts);
	}

	void clearRequests() {
		requests.clear();
	}

	void latency(Duration value) {
		this.latency = value;
	}

	synchronized void inject(String method, Fault fault, int times) {
		Deque<Fault> queue = faults.computeIfAbsent(method, key -> new ArrayDeque<>());
		for (int i = 0; i < times; i++) {
			queue.addLast(fault);
		}
	}

	synchronized void storm(@Nullable FaultStorm value) {
		this.storm = value;
		this.stormDraws = value == null ? null : new Random(value.seed());
	}

	/** An injected fault first; else, for a method in the storm, one drawn by its shares. */
	private synchronized @Nullable Fault nextFault(String method) {
		Deque<Fault> queue = faults.get(method);
		Fault injected = queue == null ? null : queue.pollFirst();
		if (injected != null || storm == null || stormDraws == null || !storm.methods().contains(method)) {
			return injected;
		}
		double draw = stormDraws.nextDouble();
		for (FaultStorm.Share share : storm.shares()) {
			if (draw < share.share()) {
				return share.fault();
			}
			draw -= share.share();
		}
		return null;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (path.startsWith("/response/")) {
				responseUrlPosts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				send(exchange, 200, "ok", "text/plain", Map.of());
				return;
			}
			answer(exchange, path.substring(path.lastIndexOf('/') + 1));
		}
	}

	private void answer(HttpExchange exchange, String methodName) throws IOException {
		Instant at = clock.instant();
		Map<String, String> params = params(exchange);
		String token = token(exchange, params);
		Fault fault = nextFault(methodName);
		if (fault instanceof Fault.DropConnection) {
			record(methodName, token, params, at, 0, null, null, fault);
			exchange.close();
			return;
		}
		if (fault instanceof Fault.ServerError error) {
			record(methodName, token, params, at, error.status(), null, null, fault);
			send(exchange, error.status(), "<html><body>Server error</body></html>", "text/html", Map.of());
			return;
		}
		if (fault instanceof Fault.RateLimited limited) {
			rateLimited(exchange, methodName, token, params, at, limited.retryAfterSeconds(), Map.of(), fault);
			return;
		}
		Method method = methods.get(methodName);
		if (method == null) {
			reply(exchange, methodName, token, params, at, error("unknown_method"), Map.of());
			return;
		}
		if (token == null) {
			reply(exchange, methodName, null, params, at, error("not_authed"), Map.of());
			return;
		}
		Optional<SimulatedToken> known = workspace.token(token);
		if (known.isEmpty()) {
			reply(exchange, methodName, token, params, at, error("invalid_auth"), Map.of());
			return;
		}
		// Uninstalling an app revokes its tokens.
		if (workspace.revoked(token) || !workspace.appInstalled()) {
			reply(exchange, methodName, token, params, at, error("token_revoked"), Map.of());
			return;
		}
		SimulatedToken granted = known.get();
		var headers = Map.of("x-oauth-scopes", String.join(",", granted.scopes()), "x-accepted-oauth-scopes",
				String.join(",", method.acceptedScopes()));
		if (method.kind() != null && method.kind() != granted.kind()) {
			reply(exchange, methodName, token, params, at, error("not_allowed_token_type"), headers);
			return;
		}
		if (!method.acceptedScopes().isEmpty() && method.acceptedScopes().stream().noneMatch(granted.scopes()::contains)) {
			JsonObject body = error("missing_scope");
			body.addProperty("needed", String.join(",", method.acceptedScopes()));
			body.addProperty("provided", String.join(",", granted.scopes()));
			reply(exchange, methodName, token, params, at, body, headers);
			return;
		}
		Optional<Integer> wait = rateLimits.admit(methodName, params.get("channel"), clock);
		if (wait.isPresent()) {
			rateLimited(exchange, methodName, token, params, at, wait.get(), headers, null);
			return;
		}
		JsonObject body;
		try {
			body = fault instanceof Fault.Rejects rejects ? error(rejects.error())
					: method.handler().apply(new Call(methodName, params, granted));
		}
		catch (SlackError e) {
			body = error(e.error);
		}
		if (fault instanceof Fault.DropAfterWork) {
			record(methodName, token, params, at, 0, body.get("ok").getAsBoolean() ? null : body.get("error").getAsString(), null, fault);
			exchange.close();
			return;
		}
		Duration delay = fault instanceof Fault.SlowAnswer slow ? slow.delay() : Duration.ZERO;
		reply(exchange, methodName, token, params, at, body, headers, delay, fault);
	}

	private void rateLimited(HttpExchange exchange, String method, @Nullable String token, Map<String, String> params,
			Instant at, int retryAfter, Map<String, String> headers, @Nullable Fault fault) throws IOException {
		record(method, token, params, at, 429, "ratelimited", Duration.ofSeconds(retryAfter), fault);
		var all = new HashMap<>(headers);
		all.put("Retry-After", String.valueOf(retryAfter));
		send(exchange, 429, error("ratelimited").toString(), "application/json; charset=utf-8", all);
	}

	private void reply(HttpExchange exchange, String method, @Nullable String token, Map<String, String> params, Instant at,
			JsonObject body, Map<String, String> headers) throws IOException {
		reply(exchange, method, token, params, at, body, headers, Duration.ZERO, null);
	}

	/** Records the call as done, then answers after the latency and any extra delay. */
	private void reply(HttpExchange exchange, String method, @Nullable String token, Map<String, String> params, Instant at,
			JsonObject body, Map<String, String> headers, Duration delay, @Nullable Fault fault) throws IOException {
		boolean ok = body.get("ok").getAsBoolean();
		record(method, token, params, at, 200, ok ? null : body.get("error").getAsString(), null, fault);
		pause(latency.plus(delay));
		send(exchange, 200, body.toString(), "application/json; charset=utf-8", headers);
	}

	private void record(String method, @Nullable String token, Map<String, String> params, Instant at, int status,
			@Nullable String error, @Nullable Duration retryAfter, @Nullable Fault fault) {
		requests.add(new RecordedRequest(method, token, Map.copyOf(params), at, status, error, retryAfter, fault));
	}

	private static void send(HttpExchange exchange, int status, String body, String contentType, Map<String, String> headers)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static void pause(Duration duration) {
		if (duration.isZero()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static JsonObject error(String error) {
		var body = new JsonObject();
		body.addProperty("ok", false);
		body.addProperty("error", error);
		return body;
	}

	private static JsonObject ok() {
		var body = new JsonObject();
		body.addProperty("ok", true);
		return body;
	}

	private static @Nullable String token(HttpExchange exchange, Map<String, String> params) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).trim();
		}
		return params.get("token");
	}

	/** Query string plus a form-encoded or JSON body; JSON values that are not strings are kept as JSON text. */
	private static Map<String, String> params(HttpExchange exchange) throws IOException {
		var params = new LinkedHashMap<String, String>();
		String query = exchange.getRequestURI().getRawQuery();
		if (query != null) {
			parseForm(query, params);
		}
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
		if (contentType.startsWith("application/json") && !body.isBlank()) {
			try {
				JsonElement json = JsonParser.parseString(body);
				if (json.isJsonObject()) {
					json.getAsJsonObject().entrySet().forEach(entry -> params.put(entry.getKey(),
							entry.getValue().isJsonPrimitive() ? entry.getValue().getAsString() : entry.getValue().toString()));
				}
			}
			catch (JsonParseException e) {
				params.put("__invalid_json", "true");
			}
		}
		else if (!body.isBlank()) {
			parseForm(body, params);
		}
		return params;
	}

	private static void parseForm(String form, Map<String, String> into) {
		for (String pair : form.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			into.put(name, value);
		}
	}

	// --- methods

	private JsonObject authTest(Call call) {
		JsonObject body = ok();
		body.addProperty("url", "https://" + Workspace.TEAM_DOMAIN + ".slack.com/");
		body.addProperty("team", Workspace.TEAM_NAME);
		body.addProperty("team_id", Workspace.TEAM_ID);
		if (call.token().kind() == SimulatedToken.Kind.BOT) {
			body.addProperty("user", Workspace.BOT_NAME);
			body.addProperty("user_id", Workspace.BOT_USER_ID);
			body.addProperty("bot_id", Workspace.BOT_ID);
		}
		else {
			body.addProperty("app_id", Workspace.APP_ID);
		}
		body.addProperty("is_enterprise_install", false);
		return body;
	}

	private JsonObject lookupByEmail(Call call) {
		String email = required(call, "email");
		SimulatedUser user = workspace.userByEmail(email).orElseThrow(() -> new SlackError("users_not_found"));
		JsonObject body = ok();
		body.add("user", userJson(user, true));
		return body;
	}

	private JsonObject usersInfo(Call call) {
		String id = required(call, "user");
		SimulatedUser user = workspace.user(id).orElseThrow(() -> new SlackError("user_not_found"));
		JsonObject body = ok();
		body.add("user", userJson(user, call.token().scopes().contains("users:read.email")));
		return body;
	}

	private JsonObject conversationsOpen(Call call) {
		String users = call.param("users");
		String channel = call.param("channel");
		if (users == null && channel == null) {
			throw new SlackError("users_list_not_supplied");
		}
		if (users == null) {
			if (!workspace.channelExists(channel)) {
				throw new SlackError("channel_not_found");
			}
			return openedChannel(channel, true);
		}
		String[] ids = users.split(",");
		if (ids.length > 1) {
			// Group DMs are not simulated; the service only opens one-to-one DMs.
			throw new SlackError("method_not_supported_for_channel_type");
		}
		SimulatedUser user = workspace.user(ids[0].trim()).orElseThrow(() -> new SlackError("user_not_found"));
		if (user.deleted()) {
			throw new SlackError("user_disabled");
		}
		var dm = workspace.openDm(user.id());
		return openedChannel(dm.getKey(), dm.getValue());
	}

	private static JsonObject openedChannel(String id, boolean alreadyOpen) {
		JsonObject body = ok();
		if (alreadyOpen) {
			body.addProperty("no_op", true);
			body.addProperty("already_open", true);
		}
		var channel = new JsonObject();
		channel.addProperty("id", id);
		body.add("channel", channel);
		return body;
	}

	private JsonObject conversationsHistory(Call call) {
		String channel = required(call, "channel");
		if (!workspace.channelExists(channel)) {
			throw new SlackError("channel_not_found");
		}
		int limit = Math.min(999, Math.max(1, intParam(call, "limit", 100)));
		double oldest = Double.parseDouble(Optional.ofNullable(call.param("oldest")).orElse("0"));
		double latest = Double.parseDouble(Optional.ofNullable(call.param("latest")).orElse(String.valueOf(Double.MAX_VALUE)));
		boolean withMetadata = "true".equals(call.param("include_all_metadata")) || "1".equals(call.param("include_all_metadata"));
		List<SimulatedMessage> all = workspace.messages(channel).stream()
			.filter(message -> Double.parseDouble(message.ts()) > oldest && Double.parseDouble(message.ts()) < latest)
			.toList();
		var messages = new JsonArray();
		for (int i = all.size() - 1; i >= 0 && messages.size() < limit; i--) {
			messages.add(messageJson(all.get(i), withMetadata));
		}
		JsonObject body = ok();
		body.add("messages", messages);
		body.addProperty("has_more", all.size() > limit);
		body.addProperty("pin_count", 0);
		var meta = new JsonObject();
		meta.addProperty("next_cursor", "");
		body.add("response_metadata", meta);
		return body;
	}

	private JsonObject postMessage(Call call) {
		String channel = resolveChannel(call.param("channel"));
		String text = Optional.ofNullable(call.param("text")).orElse("");
		String blocks = validBlocks(call.param("blocks"));
		if (text.isEmpty() && blocks == null) {
			throw new SlackError("no_text");
		}
		if (text.length() > MAX_TEXT) {
			throw new SlackError("msg_too_long");
		}
		String metadata = validMetadata(call.param("metadata"));
		SimulatedMessage message = workspace.post(channel, text, blocks, metadata);
		JsonObject body = ok();
		body.addProperty("channel", channel);
		body.addProperty("ts", message.ts());
		body.add("message", messageJson(message, true));
		return body;
	}

	private JsonObject update(Call call) {
		String channel = required(call, "channel");
		if (!workspace.channelExists(channel)) {
			throw new SlackError("channel_not_found");
		}
		String ts = call.param("ts");
		if (ts == null) {
			throw new SlackError("message_not_found");
		}
		String text = Optional.ofNullable(call.param("text")).orElse("");
		String blocks = validBlocks(call.param("blocks"));
		if (text.isEmpty() && blocks == null) {
			throw new SlackError("no_text");
		}
		if (text.length() > MAX_TEXT) {
			throw new SlackError("msg_too_long");
		}
		SimulatedMessage message = workspace.update(channel, ts, text, blocks).orElseThrow(() -> new SlackError("message_not_found"));
		JsonObject body = ok();
		body.addProperty("channel", channel);
		body.addProperty("ts", ts);
		body.addProperty("text", text);
		// As in Slack's answer: the edited message has no ts of its own but says who edited it when.
		JsonObject edited = messageJson(message, false);
		edited.remove("ts");
		var edit = new JsonObject();
		edit.addProperty("user", Workspace.BOT_USER_ID);
		edit.addProperty("ts", workspace.nextTs());
		edited.add("edited", edit);
		body.add("message", edited);
		return body;
	}

	private JsonObject connectionsOpen(Call call) {
		if (!workspace.socketModeEnabled()) {
			// Slack documents no specific error for this; ours names the cause so the service can show the fix.
			throw new SlackError("socket_mode_not_enabled");
		}
		JsonObject body = ok();
		body.addProperty("url", link.newUrl());
		return body;
	}

	private String resolveChannel(@Nullable String channel) {
		if (channel == null) {
			throw new SlackError("channel_not_found");
		}
		if (channel.startsWith("U") || channel.startsWith("W")) {
			// Posting to a user id posts into the app's DM with that user.
			SimulatedUser user = workspace.user(channel).filter(u -> !u.deleted()).orElseThrow(() -> new SlackError("channel_not_found"));
			return workspace.openDm(user.id()).getKey();
		}
		if (!workspace.channelExists(channel)) {
			throw new SlackError("channel_not_found");
		}
		if (workspace.archived(channel)) {
			throw new SlackError("is_archived");
		}
		return channel;
	}

	private static @Nullable String validBlocks(@Nullable String blocks) {
		if (blocks == null) {
			return null;
		}
		JsonElement parsed;
		try {
			parsed = JsonParser.parseString(blocks);
		}
		catch (JsonParseException e) {
			throw new SlackError("invalid_blocks_format");
		}
		if (!parsed.isJsonArray()) {
			throw new SlackError("invalid_blocks_format");
		}
		if (parsed.getAsJsonArray().size() > 50) {
			throw new SlackError("invalid_blocks");
		}
		for (JsonElement block : parsed.getAsJsonArray()) {
			if (!block.isJsonObject() || !block.getAsJsonObject().has("type")
					|| !BLOCK_TYPES.contains(block.getAsJsonObject().get("type").getAsString())) {
				throw new SlackError("invalid_blocks");
			}
		}
		return parsed.getAsJsonArray().isEmpty() ? null : parsed.toString();
	}

	private static @Nullable String validMetadata(@Nullable String metadata) {
		if (metadata == null) {
			return null;
		}
		try {
			JsonElement parsed = JsonParser.parseString(metadata);
			if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("event_type")
					|| (parsed.getAsJsonObject().has("event_payload") && !parsed.getAsJsonObject().get("event_payload").isJsonObject())) {
				throw new SlackError("invalid_metadata_format");
			}
			return parsed.toString();
		}
		catch (JsonParseException e) {
			throw new SlackError("invalid_metadata_format");
		}
	}

	private static String required(Call call, String name) {
		String value = call.param(name);
		if (value == null) {
			throw new SlackError("invalid_arguments");
		}
		return value;
	}

	private static int intParam(Call call, String name, int fallback) {
		try {
			return call.param(name) == null ? fallback : Integer.parseInt(call.param(name));
		}
		catch (NumberFormatException e) {
			throw new SlackError("invalid_arguments");
		}
	}

	static JsonObject messageJson(SimulatedMessage message, boolean withMetadata) {
		var json = new JsonObject();
		json.addProperty("type", "message");
		json.addProperty("user", Workspace.BOT_USER_ID);
		json.addProperty("bot_id", Workspace.BOT_ID);
		json.addProperty("app_id", Workspace.APP_ID);
		json.addProperty("team", Workspace.TEAM_ID);
		json.addProperty("text", message.text());
		json.addProperty("ts", message.ts());
		var profile = new JsonObject();
		profile.addProperty("id", Workspace.BOT_ID);
		profile.addProperty("app_id", Workspace.APP_ID);
		profile.addProperty("name", Workspace.BOT_NAME);
		profile.addProperty("deleted", false);
		profile.addProperty("team_id", Workspace.TEAM_ID);
		json.add("bot_profile", profile);
		if (message.blocksJson() != null) {
			json.add("blocks", JsonParser.parseString(message.blocksJson()));
		}
		if (withMetadata && message.metadataJson() != null) {
			json.add("metadata", JsonParser.parseString(message.metadataJson()));
		}
		return json;
	}

	private static JsonObject userJson(SimulatedUser user, boolean withEmail) {
		var json = new JsonObject();
		json.addProperty("id", user.id());
		json.addProperty("team_id", Workspace.TEAM_ID);
		json.addProperty("name", user.name());
		json.addProperty("deleted", user.deleted());
		json.addProperty("color", "9f69e7");
		json.addProperty("real_name", user.name());
		json.addProperty("tz", "Europe/London");
		json.addProperty("tz_label", "Greenwich Mean Time");
		json.addProperty("tz_offset", 0);
		var profile = new JsonObject();
		profile.addProperty("real_name", user.name());
		profile.addProperty("real_name_normalized", user.name());
		profile.addProperty("display_name", user.name());
		profile.addProperty("display_name_normalized", user.name());
		if (withEmail) {
			profile.addProperty("email", user.email());
		}
		profile.addProperty("team", Workspace.TEAM_ID);
		json.add("profile", profile);
		for (String flag : List.of("is_admin", "is_owner", "is_primary_owner", "is_restricted", "is_ultra_restricted",
				"is_bot", "is_app_user", "has_2fa")) {
			json.addProperty(flag, false);
		}
		json.addProperty("updated", 1_700_000_000);
		return json;
	}
}

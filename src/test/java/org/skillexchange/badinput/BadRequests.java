package org.skillexchange.badinput;

import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.slack.api.app_backend.SlackSignature;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;
import org.skillexchange.badinput.BadRequest.Header;

/**
 * Generates requests against the discovered endpoints. Each starts as a request a valid caller would send (known
 * ids, member refs, a signed Slack payload) and is then made bad in one way, its {@code kind}: a hostile value in
 * one field, path variable, query parameter or header; malformed JSON; an oversized body; a wrong content type; a
 * bad path or query; bad credentials; another method; or bytes no HTTP client would send ({@code raw}). Some go
 * out unchanged ({@code valid}), so that state builds up and the deeper code paths see hostile data already stored.
 */
final class BadRequests {

	static final String SERVICE_TOKEN = "badinput-service-token";

	static final String SIGNING_SECRET = "badinput-signing-secret";

	/** The buttons the Slack templates ship with, so that a signed click reaches the button handling. */
	private static final List<String> SLACK_ACTIONS = List.of("gig_connection_accept", "gig_connection_decline", "gig_reminders_stop",
			"hack_member_add", "something_else");

	private final List<Endpoint> endpoints;

	private final IdPools ids;

	private final Bodies bodies;

	BadRequests(List<Endpoint> endpoints, IdPools ids) {
		this.endpoints = endpoints;
		this.ids = ids;
		this.bodies = new Bodies(ids);
	}

	/** Any endpoint, equally often, made bad in any way; oversized bodies up to {@code maxMegabytes} (1, 2, 4, 8 or 24). */
	Arbitrary<BadRequest> any(int maxMegabytes) {
		return Arbitraries.of(endpoints).flatMap(endpoint -> against(endpoint, maxMegabytes));
	}

	private Arbitrary<BadRequest> against(Endpoint endpoint, int maxMegabytes) {
		Arbitrary<Draft> valid = valid(endpoint);
		return Arbitraries.frequencyOf(
				Tuple.of(10, valid),
				Tuple.of(28, valid.flatMap(this::hostileValue)),
				Tuple.of(14, valid.flatMap(this::malformedBody)),
				Tuple.of(3, valid.flatMap(draft -> oversized(draft, maxMegabytes))),
				Tuple.of(8, valid.flatMap(this::wrongContentType)),
				Tuple.of(10, valid.flatMap(this::badPath)),
				Tuple.of(8, valid.flatMap(this::badQuery)),
				Tuple.of(8, valid.flatMap(this::badAuth)),
				Tuple.of(4, valid.flatMap(this::otherMethod)),
				Tuple.of(4, valid.flatMap(this::raw)))
			.map(Draft::build);
	}

	/** A request as a valid caller would send it: the warm-up that fills the id pools. */
	Arbitrary<BadRequest> validRequest(Endpoint endpoint) {
		return valid(endpoint).map(Draft::build);
	}

	// ---- valid requests

	private Arbitrary<Draft> valid(Endpoint endpoint) {
		Arbitrary<Map<String, String>> path = pathValues(endpoint);
		Arbitrary<List<String>> query = queryValues(endpoint);
		Arbitrary<Auth> auth = validAuth(endpoint);
		Arbitrary<Body> body = validBody(endpoint);
		return Combinators.combine(path, query, auth, body, Arbitraries.of(false, false, true))
			.as((p, q, a, b, ascii) -> new Draft(endpoint, "valid", endpoint.method(), p, "", q, a, b.contentType(), null, List.of(),
					b.tree(), b.form(), null, ascii));
	}

	/** Path variables in order, each id preferring those answered under the one before it (a connection of that gig). */
	private Arbitrary<Map<String, String>> pathValues(Endpoint endpoint) {
		if (endpoint.pathVariables().isEmpty()) {
			return Arbitraries.just(Map.of());
		}
		return Arbitraries.randomValue(random -> {
			Map<String, String> values = new LinkedHashMap<>();
			String parent = null;
			for (var variable : endpoint.pathVariables().entrySet()) {
				String value = validPathValue(endpoint, variable.getKey(), variable.getValue(), parent, random);
				values.put(variable.getKey(), encode(value));
				parent = value;
			}
			return values;
		});
	}

	private String validPathValue(Endpoint endpoint, String name, Type type, @Nullable String parent, java.util.Random random) {
		if (type == UUID.class) {
			return ids.pick(collectionBefore(endpoint.pattern(), name), parent, random);
		}
		List<String> values = name.equals("type") ? Bodies.NOTIFICATION_TYPES : List.of("db", "ping", "x", "default");
		return values.get(random.nextInt(values.size()));
	}

	/** {@code gigs} for {@code id} in {@code /gigs/{id}}: the literal segment before a variable names its collection. */
	static String collectionBefore(String pattern, String variable) {
		String[] segments = pattern.split("/");
		for (int i = 1; i < segments.length; i++) {
			if (segments[i].matches("\\{\\*?" + java.util.regex.Pattern.quote(variable) + "(:.*)?}")) {
				return segments[i - 1];
			}
		}
		return variable;
	}

	private Arbitrary<List<String>> queryValues(Endpoint endpoint) {
		List<Arbitrary<String>> params = new ArrayList<>();
		for (Endpoint.Param param : endpoint.queryParams()) {
			Arbitrary<String> value = validQueryValue(param).map(v -> encode(param.name()) + "=" + encode(v));
			params.add(param.required() ? value : Arbitraries.frequencyOf(Tuple.of(1, value), Tuple.of(1, Arbitraries.just(""))));
		}
		return params.isEmpty() ? Arbitraries.just(List.of())
				: Combinators.combine(params).as(values -> values.stream().filter(v -> !v.isEmpty()).toList());
	}

	private Arbitrary<String> validQueryValue(Endpoint.Param param) {
		Class<?> type = Bodies.rawClass(param.type());
		if (type == UUID.class) {
			return ids.pick(param.name() + "s");
		}
		if (type == Boolean.class || type == boolean.class) {
			return Arbitraries.of("true", "false");
		}
		return switch (param.name()) {
			case "page", "offset" -> Arbitraries.of("0", "1");
			case "size", "limit" -> Arbitraries.of("1", "20", "100");
			case "type" -> Arbitraries.of(List.of("embed", "mentorship", "gig.inquiry", "hack.digest", "custom"));
			case "status" -> Arbitraries.of("OPEN", "FILLED", "LOOKING_FOR_MEMBERS", "UNCLAIMED");
			case "channel" -> Arbitraries.of("backstage", "slack");
			case "postType" -> Arbitraries.of("embed", "mentorship", "hack");
			default -> Arbitraries.of("1", "x");
		};
	}

	private Arbitrary<Auth> validAuth(Endpoint endpoint) {
		Arbitrary<Auth> user = Arbitraries.of(Bodies.MEMBERS).map(Auth::user);
		Arbitrary<Auth> service = Arbitraries.just(new Auth("service", List.of(new Header("Authorization", "Bearer " + SERVICE_TOKEN)), false, null, null));
		Arbitrary<Auth> slack = Arbitraries.just(new Auth("slack-signed", List.of(), true, null, null));
		return endpoint.rawBody() ? Arbitraries.frequencyOf(Tuple.of(9, slack), Tuple.of(1, user))
				: Arbitraries.frequencyOf(Tuple.of(7, user), Tuple.of(2, service), Tuple.of(1, slack));
	}

	private record Body(@Nullable Object tree, Form form, @Nullable String contentType) {
	}

	private Arbitrary<Body> validBody(Endpoint endpoint) {
		if (endpoint.rawBody()) {
			return slackBody();
		}
		if (endpoint.body() == null) {
			return Arbitraries.just(new Body(null, Form.JSON, null));
		}
		Arbitrary<Body> body = bodies.valid(endpoint.body(), "", "body", 0).map(tree -> new Body(tree, Form.JSON, "application/json"));
		return endpoint.bodyRequired() ? body
				: Arbitraries.frequencyOf(Tuple.of(4, body), Tuple.of(1, Arbitraries.just(new Body(null, Form.JSON, null))));
	}

	/** What Slack posts: a block_actions click (form-encoded {@code payload}), a URL check, an event, a slash command. */
	private Arbitrary<Body> slackBody() {
		Arbitrary<Object> value = Arbitraries.oneOf(ids.pick("connections"),
				Combinators.combine(ids.pick("hacks"), Arbitraries.of(Bodies.MEMBERS)).as((hack, member) -> hack + "|" + member));
		Arbitrary<Body> click = Combinators.combine(Arbitraries.of(SLACK_ACTIONS), value, Arbitraries.of("U0FUZZ", "W0FUZZ"))
			.as((action, v, user) -> {
				Map<String, Object> payload = new LinkedHashMap<>();
				payload.put("type", "block_actions");
				payload.put("user", new LinkedHashMap<>(Map.of("id", user)));
				payload.put("actions", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("action_id", action, "value", v)))));
				payload.put("container", new LinkedHashMap<>(Map.of("channel_id", "D0FUZZ", "message_ts", "1700000000.000100")));
				payload.put("message", new LinkedHashMap<>(Map.of("blocks", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("type", "actions")))))));
				// Only ever a closed local port: the service posts ephemeral replies to whatever this says.
				payload.put("response_url", "http://127.0.0.1:9/response");
				return new Body(payload, Form.SLACK_PAYLOAD, "application/x-www-form-urlencoded");
			});
		Arbitrary<Body> urlCheck = Arbitraries.of("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", "x")
			.map(challenge -> new Body(new LinkedHashMap<>(Map.of("type", "url_verification", "token", "t", "challenge", challenge)), Form.JSON,
					"application/json"));
		Arbitrary<Body> event = Arbitraries.just(new Body(new LinkedHashMap<>(Map.of("type", "event_callback", "event",
				new LinkedHashMap<>(Map.of("type", "app_home_opened", "user", "U0FUZZ")))), Form.JSON, "application/json"));
		Arbitrary<Body> command = Arbitraries.just(new Body(new LinkedHashMap<>(Map.of("command", "/skills", "text", "kotlin", "user_id", "U0FUZZ")),
				Form.FIELDS, "application/x-www-form-urlencoded"));
		return Arbitraries.frequencyOf(Tuple.of(5, click), Tuple.of(2, urlCheck), Tuple.of(1, event), Tuple.of(1, command));
	}

	// ---- the ways a request is made bad

	private Arbitrary<Draft> hostileValue(Draft draft) {
		List<Arbitrary<Draft>> places = new ArrayList<>();
		if (draft.tree() != null) {
			List<List<Object>> paths = Bodies.paths(draft.tree());
			List<List<Object>> strings = paths.stream().filter(path -> valueAt(draft.tree(), path) instanceof String).toList();
			if (!paths.isEmpty()) {
				Arbitrary<List<Object>> where = strings.isEmpty() ? Arbitraries.of(paths)
						: Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(strings)), Tuple.of(1, Arbitraries.of(paths)));
				places.add(Combinators.combine(where, HostileValues.strings())
					.as((path, value) -> draft.withTree(Bodies.replace(draft.tree(), path, value)).kind("hostile-value")));
			}
		}
		if (!draft.path().isEmpty()) {
			places.add(Combinators.combine(Arbitraries.of(draft.path().keySet()), HostileValues.strings().filter(s -> s.length() <= 1000))
				.as((name, value) -> draft.withPath(name, encode(value)).kind("hostile-path-value")));
		}
		if (!draft.endpoint().queryParams().isEmpty()) {
			places.add(Combinators.combine(Arbitraries.of(draft.endpoint().queryParams()), HostileValues.strings().filter(s -> s.length() <= 1000))
				.as((param, value) -> draft.withQueryParam(param.name(), encode(value)).kind("hostile-query-value")));
		}
		List<String> headers = new ArrayList<>(draft.endpoint().headerParams());
		headers.add("X-Request-Id");
		places.add(Combinators.combine(Arbitraries.of(headers), HostileValues.strings().filter(s -> s.length() <= 4000))
			.as((name, value) -> draft.withHeader(name, headerSafe(value)).kind("hostile-header")));
		return Arbitraries.oneOf(places);
	}

	private Arbitrary<Draft> malformedBody(Draft draft) {
		Object tree = draft.tree() != null ? draft.tree() : new LinkedHashMap<>(Map.of("x", 1));
		Arbitrary<Supplier<byte[]>> broken = Bodies.malformed(tree);
		if (draft.form() == Form.SLACK_PAYLOAD) {
			Arbitrary<Supplier<byte[]>> inPayload = Bodies.malformed(tree).map(bytes -> () -> Bodies.utf8("payload="
					+ URLEncoder.encode(new String(bytes.get(), StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
			Arbitrary<Supplier<byte[]>> badForm = Arbitraries.of("payload=%", "payload=%zz", "payload=%E0%A4%A", "payload=", "payload",
					"payload=null", "payload=%5B%5D", "payload=%7B%22type%22%3A%7B%7D%7D", "payload=%7B%22type%22%3A%5B%5D%7D",
					"payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%7B%7D%7D", "payload=" + "%7B".repeat(5000),
					"payload=a&payload=b", "&&&=", "payload=%00").map(text -> () -> Bodies.utf8(text));
			broken = Arbitraries.frequencyOf(Tuple.of(2, broken), Tuple.of(3, inPayload), Tuple.of(2, badForm));
		}
		Arbitrary<Boolean> keepType = Arbitraries.of(true, true, true, false);
		return Combinators.combine(broken, keepType).as((bytes, keep) -> {
			Draft malformed = draft.withBytes(bytes).kind("malformed-body");
			return keep && draft.contentType() != null ? malformed : malformed.withContentType("application/json");
		});
	}

	private Arbitrary<Draft> oversized(Draft draft, int maxMegabytes) {
		Arbitrary<Integer> megabytes = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(1, 2)), Tuple.of(3, Arbitraries.of(4, 8)),
				Tuple.of(1, Arbitraries.just(24))).filter(mb -> mb <= Math.max(1, maxMegabytes));
		Arbitrary<String> unit = Arbitraries.of("a", "é", "𝄞", "<!channel> ", "\u0000");
		List<List<Object>> strings = draft.tree() == null ? List.of()
				: Bodies.paths(draft.tree()).stream().filter(path -> valueAt(draft.tree(), path) instanceof String).toList();
		Arbitrary<List<Object>> where = strings.isEmpty() ? Arbitraries.just(List.of()) : Arbitraries.of(strings);
		return Combinators.combine(megabytes, unit, where).as((mb, u, path) -> {
			Object tree = draft.tree() == null ? new LinkedHashMap<>(Map.of("x", "")) : draft.tree();
			List<Object> at = strings.isEmpty() ? List.of("x") : path;
			// Made at sending: a run keeps its generators, and megabytes per try would pile up.
			Supplier<byte[]> bytes = () -> draft.withTree(Bodies.replace(tree, at, HostileValues.oversized(mb, u))).body();
			return draft.withBytes(bytes).withContentType(draft.contentType() == null ? "application/json" : draft.contentType())
				.kind("oversized");
		});
	}

	private Arbitrary<Draft> wrongContentType(Draft draft) {
		Arbitrary<@Nullable String> type = Arbitraries.of("text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded",
				"multipart/form-data", "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/json; charset=bogus",
				"application/json; charset=UTF-16", "application/problem+json", "application/*", "*/*", "json", "", ";;;",
				"application/json, text/plain", "application/vnd.api+json", "a/b/c", "application/json; boundary=\"", "\u00e9/\u00e9",
				"application/octet-stream", "application/x-ndjson", "text/html; charset=utf-8", "APPLICATION/JSON", "application/json;q=0",
				"application/cbor", "application/yaml", "application/smile");
		Arbitrary<Draft> contentType = Arbitraries.frequencyOf(Tuple.of(8, type), Tuple.of(1, Arbitraries.just(null)))
			.map(t -> draft.withContentType(t).kind("content-type"));
		Arbitrary<Draft> accept = Arbitraries.of("application/json", "*/*", "text/html", "application/xml", "text/event-stream", "application/json;q=0",
				"garbage", "image/png", "application/problem+json", "text/plain", "application/yaml", "*/*;q=abc", "")
			.map(a -> draft.withAccept(a).kind("accept"));
		return Arbitraries.frequencyOf(Tuple.of(3, contentType), Tuple.of(1, accept));
	}

	private Arbitrary<Draft> badPath(Draft draft) {
		Arbitrary<Draft> suffix = Arbitraries.of("/", "//", ";a=b", "/extra", ".json", ".xml", "%20", "/.", "/./", "/%2e", "~", "/index.html",
				"/" + "a".repeat(2000), "/..;/", "%09").map(s -> draft.withSuffix(s).kind("bad-path"));
		if (draft.path().isEmpty()) {
			return suffix;
		}
		Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(HostileValues.NUMBERS)),
				Tuple.of(3, Arbitraries.of(HostileValues.CATALOGUE).filter(s -> s.length() <= 1000)),
				Tuple.of(1, Arbitraries.of("a".repeat(3000), UUID.randomUUID() + "x", UUID.randomUUID().toString().toUpperCase(),
						UUID.randomUUID().toString().replace("-", ""), " " + UUID.randomUUID(), "{" + UUID.randomUUID() + "}")));
		Arbitrary<Draft> variable = Combinators.combine(Arbitraries.of(draft.path().keySet()), value)
			.as((name, v) -> draft.withPath(name, encode(v)).kind("bad-path"));
		return Arbitraries.frequencyOf(Tuple.of(4, variable), Tuple.of(1, suffix));
	}

	private Arbitrary<Draft> badQuery(Draft draft) {
		List<String> names = new ArrayList<>(draft.endpoint().queryParams().stream().map(Endpoint.Param::name).toList());
		names.addAll(List.of("page", "size", "limit", "offset", "cursor", "sort", "unknown"));
		Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(HostileValues.NUMBERS)),
				Tuple.of(2, Arbitraries.of(HostileValues.BOOLEANS)), Tuple.of(2, HostileValues.strings().filter(s -> s.length() <= 2000)));
		Arbitrary<Draft> one = Combinators.combine(Arbitraries.of(names), value)
			.as((name, v) -> draft.withQueryParam(name, encode(v)).kind("bad-query"));
		Arbitrary<Draft> repeated = Combinators.combine(Arbitraries.of(names), Arbitraries.of(HostileValues.NUMBERS), Arbitraries.of(HostileValues.NUMBERS))
			.as((name, a, b) -> draft.withQuery(List.of(encode(name) + "=" + encode(a), encode(name) + "=" + encode(b))).kind("bad-query"));
		Arbitrary<Draft> odd = Arbitraries.of("page", "=x", "&&&", "size=", "a=b=c", "%20=%20", "page[]=1", "size[0]=1", "x=" + "y".repeat(5000))
			.map(q -> draft.withQuery(List.of(q)).kind("bad-query"));
		return Arbitraries.frequencyOf(Tuple.of(5, one), Tuple.of(2, repeated), Tuple.of(2, odd));
	}

	private Arbitrary<Draft> badAuth(Draft draft) {
		String now = Long.toString(System.currentTimeMillis() / 1000);
		Arbitrary<Auth> devHeader = HostileValues.strings().filter(s -> s.length() <= 4000)
			.map(value -> new Auth("dev-header-hostile", List.of(new Header("X-Skill-Exchange-User", headerSafe(value))), false, null, null));
		Arbitrary<Auth> bearer = Arbitraries.of("", " ", "x", SERVICE_TOKEN + " ", SERVICE_TOKEN.toUpperCase(), "a.b.c", "..", "a..",
				"eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyOmRlZmF1bHQvamRvZSIsImV4cCI6OTk5OTk5OTk5OX0.",
				"eyJhbGciOiJIUzI1NiIsInR5cCI6InZuZC5iYWNrc3RhZ2UudXNlciJ9.eyJzdWIiOiJ1c2VyOmRlZmF1bHQvamRvZSJ9.c2ln",
				"eyJ.eyJ.sig", "%%%.%%%.%%%", "x".repeat(3000) + "." + "y".repeat(3000) + ".z")
			.map(token -> new Auth("bearer-bad", List.of(new Header("Authorization", "Bearer " + token)), false, null, null));
		Arbitrary<Auth> scheme = Arbitraries.of("Basic YWRtaW46YWRtaW4=", "Bearer", "bearer " + SERVICE_TOKEN, "Token " + SERVICE_TOKEN, "", "Bearer\t" + SERVICE_TOKEN,
				"Digest x").map(value -> new Auth("authorization-odd", List.of(new Header("Authorization", value)), false, null, null));
		Arbitrary<Auth> none = Arbitraries.just(new Auth("none", List.of(), false, null, null));
		Arbitrary<Auth> both = Arbitraries.of(Bodies.MEMBERS).map(user -> new Auth("dev-header-and-service",
				List.of(new Header("X-Skill-Exchange-User", user), new Header("Authorization", "Bearer " + SERVICE_TOKEN)), false, null, null));
		long seconds = Long.parseLong(now);
		// {timestamp, signature}; a null signature is computed, so only the timestamp is wrong.
		Arbitrary<Auth> slack = Arbitraries.of(new String[] { "1", null }, new String[] { Long.toString(seconds - 301), null },
				new String[] { Long.toString(seconds + 301), null }, new String[] { "abc", null }, new String[] { "", null },
				new String[] { "99999999999999999999", null }, new String[] { Long.toString(Long.MIN_VALUE), null },
				new String[] { Long.toString(seconds + Long.MIN_VALUE), null }, new String[] { now, "v0=" + "0".repeat(64) },
				new String[] { now, "v1=abc" }, new String[] { now, "" }, new String[] { now, "v0=" + "z".repeat(10_000) })
			.map(t -> new Auth("slack-bad-signature", List.of(), true, t[0], t[1]));
		return Arbitraries.oneOf(devHeader, bearer, scheme, none, both, slack).map(auth -> draft.withAuth(auth).kind("bad-auth"));
	}

	private Arbitrary<Draft> otherMethod(Draft draft) {
		return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO")
			.filter(method -> !method.equals(draft.method()))
			.map(method -> draft.withMethod(method).kind("other-method"));
	}

	/** Bytes a client library would refuse to send: unencoded or badly encoded paths, broken headers. */
	private Arbitrary<Draft> raw(Draft draft) {
		Arbitrary<Draft> path = Arbitraries.of("%zz", "%", "%0", "%2F", "%5C", "%00", "%2e%2e%2f%2e%2e%2f", "/../../..", "\u00e9", "\u0001",
				"<>", "\"", "{}", "|", "\\", "^", "`", "%C0%AF", "%FF%FE", "/" + "b".repeat(10_000))
			.map(s -> draft.withSuffix(s).kind("raw"));
		Arbitrary<Draft> query = Arbitraries.of("a=%zz", "%", "a=%00", "a=\u00e9", "a=b=c&&&", "x=" + "q".repeat(10_000), "a=%E0%A4%A")
			.map(q -> draft.withQuery(List.of(q)).kind("raw"));
		Arbitrary<Draft> header = Arbitraries.of(new Header("X Bad", "1"), new Header("X-Ctl", "a\u0001b"), new Header("X-Latin", "\u00ff\u00fe"),
				new Header("X-Big", "h".repeat(20_000)), new Header("Content-Length", "abc"), new Header("Content-Type", "text/plain"),
				new Header("Transfer-Encoding", "chunked"), new Header("Expect", "100-continue"), new Header("X-Nul", "a\u0000b"),
				new Header("Accept-Charset", "utf-1000"), new Header("Content-Encoding", "gzip"), new Header("Accept-Encoding", "\u00e9"))
			.filter(h -> !h.name().equals("Transfer-Encoding") || draft.hasBody())
			.map(h -> draft.withHeader(h.name(), h.value()).kind("raw"));
		return Arbitraries.oneOf(path, query, header);
	}

	// ---- helpers

	private static @Nullable Object valueAt(Object tree, List<Object> path) {
		Object at = tree;
		for (Object key : path) {
			at = at instanceof Map<?, ?> map ? map.get(key) : ((List<?>) at).get((Integer) key);
		}
		return at;
	}

	/** Percent-encodes everything but unreserved characters, so the value arrives as one path segment or parameter. */
	static String encode(String value) {
		var out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
				out.append(c);
			}
			else {
				out.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return out.toString();
	}

	/** A header value keeps its hostile bytes but cannot end the header line (CR and LF become spaces). */
	private static String headerSafe(String value) {
		var out = new StringBuilder();
		for (char c : value.toCharArray()) {
			out.append(c == '\r' || c == '\n' ? ' ' : c > 0xff ? '?' : c);
		}
		return out.toString();
	}

	// ---- the request being made

	enum Form {
		JSON, SLACK_PAYLOAD, FIELDS
	}

	record Auth(String label, List<Header> headers, boolean slackSigned, @Nullable String slackTimestamp, @Nullable String slackSignature) {

		static Auth user(String ref) {
			return new Auth("user", List.of(new Header("X-Skill-Exchange-User", ref)), false, null, null);
		}
	}

	record Draft(Endpoint endpoint, String kind, String method, Map<String, String> path, String suffix, List<String> query, Auth auth,
			@Nullable String contentType, @Nullable String accept, List<Header> extra, @Nullable Object tree, Form form,
			@Nullable Supplier<byte[]> bytes, boolean asciiJson) {

		Draft kind(String kind) {
			return new Draft(endpoint, kind, method, path, suffix, query, auth, contentType, accept, extra, tree, form, bytes, asciiJson);
		}

		Draft withTree(Object tree) {
			return new Draft(endpoint, kind, method, path, suffix, query, auth, contentType, accept, extra, tree, form, bytes, asciiJson);
		}

		Draft withBytes(Supplier<byte[]> bytes) {
			return new Draft(endpoint, kind, method, path, suffix, query, auth, contentType, accept, extra, tree, form, bytes, asciiJson);
		}

		Draft withPath(String name, String encoded) {
			Map<String, String> values = new LinkedHashMap<>(path);
			values.put(name, encoded);
			return new Draft(endpoint, kind, method, values, suffix, query, auth, contentType, accept, extra, tree, form, bytes, asciiJson);
		}

		Draft withSuffix(String suffix) {
			return new Draft(endpoint, kind, method, path, suffix, query, auth, contentType, accept, extra, tree, form, bytes, asciiJson);
		}

		Draft withQuery(List<String> query) {
			return new Draft(endpoint, kind, method, path, suffix, query, auth, contentType, accept, extra, tree, form, bytes, asciiJson);
		}

		Draft withQueryParam(String name, String encodedValue) {
			List<String> params = new ArrayList<>(query.stream().filter(q -> !q.startsWith(encode(name) + "=")).toList());
			params.add(encode(name) + "=" + encodedValue);
			return withQuery(params);
		}

		Draft withAuth(Auth auth) {
			return new Draft(endpoint, kind, method, path, suffix, query, auth, contentType, accept, extra, tree, form, bytes, asciiJson);
		}

		Draft withContentType(@Nullable String contentType) {
			return new Draft(endpoint, kind, method, path, suffix, query, auth, contentType, accept, extra, tree, form, bytes, asciiJson);
		}

		Draft withAccept(String accept) {
			return new Draft(endpoint, kind, method, path, suffix, query, auth, contentType, accept, extra, tree, form, bytes, asciiJson);
		}

		Draft withMethod(String method) {
			return new Draft(endpoint, kind, method, path, suffix, query, auth, contentType, accept, extra, tree, form, bytes, asciiJson);
		}

		Draft withHeader(String name, String value) {
			List<Header> headers = new ArrayList<>(extra);
			headers.add(new Header(name, value));
			return new Draft(endpoint, kind, method, path, suffix, query, auth, contentType, accept, headers, tree, form, bytes, asciiJson);
		}

		boolean hasBody() {
			return bytes != null || tree != null;
		}

		BadRequest build() {
			byte[] body = body();
			List<Header> headers = new ArrayList<>(auth.headers());
			if (contentType != null) {
				headers.add(new Header("Content-Type", contentType));
			}
			if (accept != null) {
				headers.add(new Header("Accept", accept));
			}
			headers.addAll(extra);
			if (auth.slackSigned()) {
				String timestamp = auth.slackTimestamp() != null ? auth.slackTimestamp() : Long.toString(System.currentTimeMillis() / 1000);
				String signature = auth.slackSignature() != null ? auth.slackSignature()
						: new SlackSignature.Generator(SIGNING_SECRET).generate(timestamp, new String(body, StandardCharsets.UTF_8));
				headers.add(new Header("X-Slack-Request-Timestamp", timestamp));
				headers.add(new Header("X-Slack-Signature", signature));
			}
			return new BadRequest(endpoint, kind, auth.label(), method, target(), List.copyOf(headers), body);
		}

		byte[] body() {
			if (bytes != null) {
				return bytes.get();
			}
			if (tree == null) {
				return new byte[0];
			}
			return switch (form) {
				case JSON -> Bodies.utf8(Json.write(tree, asciiJson));
				case SLACK_PAYLOAD -> Bodies.utf8("payload=" + URLEncoder.encode(Json.write(tree, asciiJson), StandardCharsets.UTF_8));
				case FIELDS -> Bodies.utf8(fields());
			};
		}

		private String fields() {
			var out = new StringBuilder();
			if (tree instanceof Map<?, ?> map) {
				map.forEach((key, value) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(String.valueOf(key), StandardCharsets.UTF_8))
					.append('=').append(URLEncoder.encode(value instanceof String s ? s : Json.write(value, false), StandardCharsets.UTF_8)));
			}
			return out.toString();
		}

		private String target() {
			var target = new StringBuilder();
			for (String segment : endpoint.pattern().split("/")) {
				if (segment.isEmpty()) {
					continue;
				}
				target.append('/');
				var variable = java.util.regex.Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}").matcher(segment);
				if (variable.find()) {
					target.append(segment, 0, variable.start()).append(path.getOrDefault(variable.group(1), "x")).append(segment.substring(variable.end()));
				}
				else {
					target.append(segment.replace("**", "x").replace("*", "x"));
				}
			}
			if (target.isEmpty()) {
				target.append('/');
			}
			target.append(suffix);
			if (!query.isEmpty()) {
				target.append('?').append(String.join("&", query));
			}
			return target.toString();
		}
	}
}

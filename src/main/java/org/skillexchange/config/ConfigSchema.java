package org.skillexchange.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.support.CronExpression;

/**
 * Every key the service reads, with its type; the one place that says what is valid. Keys outside
 * {@code app.baseUrl}, {@code backend.baseUrl} and {@code skillExchange} belong to Backstage and are
 * ignored.
 */
final class ConfigSchema {

	enum Kind {
		STRING, SECRET, BOOLEAN, PORT, POSITIVE_INT, URL, CRON, DURATION, STRING_LIST, USER_REF_LIST,
		DB_CONNECTION, PATH, FREE_FORM
	}

	private record Key(Kind kind, Set<String> allowed) {
	}

	private static final Map<String, Key> KEYS = new LinkedHashMap<>();

	static {
		key("app.baseUrl", Kind.URL);
		key("backend.baseUrl", Kind.URL);
		key("skillExchange.notifications.enabled", Kind.BOOLEAN);
		key("skillExchange.notifications.templates", Kind.FREE_FORM);
		key("skillExchange.notifications.templatesDirectory", Kind.PATH);
		key("skillExchange.notifications.delivery.maxAttempts", Kind.POSITIVE_INT);
		key("skillExchange.notifications.delivery.maxAge", Kind.DURATION);
		key("skillExchange.notifications.delivery.batchSize", Kind.POSITIVE_INT);
		key("skillExchange.notifications.delivery.pollInterval", Kind.DURATION);
		key("skillExchange.notifications.delivery.leaseDuration", Kind.DURATION);
		key("skillExchange.notifications.delivery.workers", Kind.BOOLEAN);
		key("skillExchange.notifications.delivery.probeInterval", Kind.DURATION);
		key("skillExchange.notifications.delivery.concurrency", Kind.POSITIVE_INT);
		key("skillExchange.notifications.delivery.initialBackoff", Kind.DURATION);
		key("skillExchange.notifications.delivery.maxBackoff", Kind.DURATION);
		key("skillExchange.slack.token", Kind.SECRET);
		key("skillExchange.slack.appToken", Kind.SECRET);
		key("skillExchange.slack.signingSecret", Kind.SECRET);
		key("skillExchange.slack.apiUrl", Kind.URL);
		key("skillExchange.slack.timeout", Kind.DURATION);
		oneOf("skillExchange.slack.mode", "socket", "http");
		key("skillExchange.backstage.token", Kind.SECRET);
		key("skillExchange.backstage.timeout", Kind.DURATION);
		key("skillExchange.auth.externalAccess[].token", Kind.SECRET);
		key("skillExchange.auth.externalAccess[].subject", Kind.STRING);
		key("skillExchange.auth.devMode.enabled", Kind.BOOLEAN);
		key("skillExchange.auth.devMode.defaultUser", Kind.STRING);
		key("skillExchange.service.port", Kind.PORT);
		oneOf("skillExchange.service.database.client", "h2", "pg");
		key("skillExchange.service.database.connection", Kind.DB_CONNECTION);
		oneOf("skillExchange.members.source", "catalog", "file");
		key("skillExchange.members.file", Kind.PATH);
		key("skillExchange.members.refreshInterval", Kind.DURATION);
		key("skillExchange.jobs.enabled", Kind.BOOLEAN);
		key("skillExchange.jobs.pollInterval", Kind.DURATION);
		key("skillExchange.embedsPath", Kind.STRING);
		key("skillExchange.mentorsPath", Kind.STRING);
		key("skillExchange.hacksPath", Kind.STRING);
		key("skillExchange.hackUpdateNotificationsCron", Kind.CRON);
		key("skillExchange.admin.postCleanupAdmins", Kind.USER_REF_LIST);
		// The product's own keys: accepted so that an organisation's existing section validates.
		key("skillExchange.defaultLists", Kind.FREE_FORM);
		key("skillExchange.remoteFileUpdates", Kind.FREE_FORM);
	}

	private static final Set<String> DB_CONNECTION_FIELDS = Set.of("host", "port", "user", "password", "database");

	private ConfigSchema() {
	}

	private static void key(String path, Kind kind) {
		KEYS.put(path, new Key(kind, Set.of()));
	}

	private static void oneOf(String path, String... values) {
		KEYS.put(path, new Key(Kind.STRING, Set.of(values)));
	}

	record Findings(List<String> errors, List<String> warnings) {
	}

	/** Checks the used sections of a merged config tree. */
	static Findings check(Map<String, Object> tree) {
		var findings = new Findings(new ArrayList<>(), new ArrayList<>());
		for (String top : List.of("app", "backend")) {
			if (tree.get(top) instanceof Map<?, ?> section && section.get("baseUrl") != null) {
				checkValue(top + ".baseUrl", top + ".baseUrl", section.get("baseUrl"), findings);
			}
		}
		if (tree.get("skillExchange") instanceof Map<?, ?> section) {
			walk("skillExchange", "skillExchange", section, findings);
		}
		else if (tree.containsKey("skillExchange") && tree.get("skillExchange") != null) {
			findings.errors().add("skillExchange: expected a section of keys; fix: indent its keys under 'skillExchange:'");
		}
		checkSlackTokenTypes(tree, findings);
		return findings;
	}

	private static void walk(String path, String schemaPath, Map<?, ?> map, Findings findings) {
		for (var entry : map.entrySet()) {
			String name = String.valueOf(entry.getKey());
			String childPath = path + "." + name;
			String childSchema = schemaPath + "." + name;
			Object value = entry.getValue();
			if (KEYS.containsKey(childSchema)) {
				checkValue(childPath, childSchema, value, findings);
			}
			else if (isObject(childSchema + "[]") && value instanceof List<?> list) {
				for (int i = 0; i < list.size(); i++) {
					if (list.get(i) instanceof Map<?, ?> item) {
						walk(childPath + "[" + i + "]", childSchema + "[]", item, findings);
					}
					else {
						findings.errors().add(childPath + "[" + i + "]: expected a map of keys; fix: write it as '- {key: value}'");
					}
				}
			}
			else if (isObject(childSchema)) {
				if (value instanceof Map<?, ?> child) {
					walk(childPath, childSchema, child, findings);
				}
				else if (value != null) {
					findings.errors().add(childPath + ": expected a section of keys, got '" + shown(childPath, value)
							+ "'; fix: indent its keys under '" + name + ":'");
				}
			}
			else {
				findings.warnings().add(childPath + ": unknown key, ignored" + suggestion(childSchema));
			}
		}
	}

	private static boolean isObject(String schemaPath) {
		return KEYS.keySet().stream().anyMatch(k -> k.startsWith(schemaPath + ".") || k.startsWith(schemaPath + "[]"));
	}

	private static String suggestion(String schemaPath) {
		String parent = schemaPath.substring(0, schemaPath.lastIndexOf('.'));
		String name = schemaPath.substring(schemaPath.lastIndexOf('.') + 1);
		return KEYS.keySet().stream()
			.filter(k -> k.startsWith(parent + "."))
			.map(k -> k.substring(parent.length() + 1).split("[.\\[]")[0])
			.filter(sibling -> sibling.equalsIgnoreCase(name) || closeEnough(sibling.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)))
			.findFirst()
			.map(sibling -> " (did you mean '" + sibling + "'?)")
			.orElse("");
	}

	private static boolean closeEnough(String a, String b) {
		int[] previous = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			int[] current = new int[b.length() + 1];
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			previous = current;
		}
		return previous[b.length()] <= 2;
	}

	private static void checkValue(String path, String schemaPath, Object value, Findings findings) {
		Key key = KEYS.get(schemaPath);
		if (value == null || key == null) {
			return;
		}
		String problem = problemWith(path, key, value);
		if (problem != null) {
			findings.errors().add(path + ": " + problem);
		}
	}

	private static String problemWith(String path, Key key, Object value) {
		String text = value instanceof Map || value instanceof List ? null : String.valueOf(value);
		return switch (key.kind()) {
			case FREE_FORM -> null;
			case DB_CONNECTION -> dbConnectionProblem(path, value);
			case STRING_LIST, USER_REF_LIST -> listProblem(key.kind(), value);
			default -> text == null ? "expected a single value, got a " + (value instanceof Map ? "section" : "list")
					+ "; fix: write one value" : scalarProblem(path, key, text);
		};
	}

	private static String scalarProblem(String path, Key key, String text) {
		if (!key.allowed().isEmpty() && !key.allowed().contains(text)) {
			return "unknown value '" + text + "'; fix: use one of " + String.join(", ", key.allowed().stream().sorted().toList());
		}
		return switch (key.kind()) {
			case BOOLEAN -> text.equals("true") || text.equals("false") ? null
					: "expected true or false, got '" + text + "'; fix: write true or false";
			case PORT -> integer(text, 1, 65535) ? null : "expected a port number 1-65535, got '" + text + "'; fix: write a number such as 7077";
			case POSITIVE_INT -> integer(text, 1, Integer.MAX_VALUE) ? null : "expected a positive whole number, got '" + text + "'";
			case URL -> url(text) ? null : "not an absolute http(s) URL: '" + text + "'; fix: write it like https://backstage.example.com";
			case CRON -> cron(text);
			case DURATION -> duration(text);
			case PATH -> path.endsWith("members.file") && !Files.isReadable(Path.of(text))
					? "file not found: " + text + "; fix: point it at a catalog YAML file of User entities" : null;
			default -> null;
		};
	}

	private static boolean integer(String text, int min, int max) {
		try {
			int n = Integer.parseInt(text.trim());
			return n >= min && n <= max;
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	private static boolean url(String text) {
		try {
			URI uri = URI.create(text);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static String cron(String text) {
		try {
			CronExpression.parse(text);
			return null;
		}
		catch (IllegalArgumentException e) {
			return "invalid cron expression '" + text + "' (" + e.getMessage()
					+ "); fix: six fields with seconds first, e.g. \"0 0 14 * * 1\" for Mondays at 14:00";
		}
	}

	private static String duration(String text) {
		try {
			DurationStyle.detectAndParse(text);
			return null;
		}
		catch (IllegalArgumentException e) {
			return "invalid duration '" + text + "'; fix: write it like 30s, 5m, 24h or PT24H";
		}
	}

	private static String listProblem(Kind kind, Object value) {
		if (!(value instanceof List<?> list)) {
			return "expected a list; fix: write it as [a, b] or one '- item' per line";
		}
		for (Object item : list) {
			if (item instanceof Map || item instanceof List) {
				return "expected a list of plain values; fix: one value per item";
			}
			if (kind == Kind.USER_REF_LIST && !String.valueOf(item).toLowerCase(Locale.ROOT).matches("user:([a-z0-9._-]+/)?[a-z0-9._@-]+")) {
				return "'" + item + "' is not a user entity ref; fix: write it like user:default/jdoe";
			}
		}
		return null;
	}

	private static String dbConnectionProblem(String path, Object value) {
		if (value instanceof Map<?, ?> map) {
			for (Object field : map.keySet()) {
				if (!DB_CONNECTION_FIELDS.contains(String.valueOf(field))) {
					return "unknown field '" + field + "'; fix: use host, port, user, password and database";
				}
			}
			return map.get("port") == null || integer(String.valueOf(map.get("port")), 1, 65535) ? null
					: "port is not a port number; fix: write a number such as 5432";
		}
		return value instanceof List ? "expected a file path, a URL or {host, port, user, password, database}" : null;
	}

	private static void checkSlackTokenTypes(Map<String, Object> tree, Findings findings) {
		if (!(tree.get("skillExchange") instanceof Map<?, ?> se) || !(se.get("slack") instanceof Map<?, ?> slack)) {
			return;
		}
		if (slack.get("token") instanceof String token && token.startsWith("xapp-")) {
			findings.errors().add("skillExchange.slack.token: this is an App-Level Token (xapp-); fix: use the Bot User OAuth Token"
					+ " (xoxb-) from OAuth & Permissions, and put the xapp- token in skillExchange.slack.appToken");
		}
		else if (slack.get("token") instanceof String token && !token.startsWith("xoxb-")) {
			findings.errors().add("skillExchange.slack.token: not a bot token (it must start with xoxb-); fix: copy the"
					+ " Bot User OAuth Token from OAuth & Permissions in your Slack app");
		}
		if (slack.get("appToken") instanceof String appToken && appToken.startsWith("xoxb-")) {
			findings.errors().add("skillExchange.slack.appToken: this is a Bot User OAuth Token (xoxb-); fix: create an"
					+ " App-Level Token (xapp-) with connections:write under Basic Information > App-Level Tokens");
		}
		else if (slack.get("appToken") instanceof String appToken && !appToken.startsWith("xapp-")) {
			findings.errors().add("skillExchange.slack.appToken: not an App-Level Token (it must start with xapp-); fix:"
					+ " create one with connections:write under Basic Information > App-Level Tokens");
		}
	}

	private static String shown(String path, Object value) {
		String text = String.valueOf(value);
		return Secrets.isSecretKey(path) ? Secrets.redact(text) : text;
	}
}

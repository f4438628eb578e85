package org.skillexchange.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What must hold for every answer: no 5xx (and an answer at all); a 4xx from the application (it carries the
 * {@code X-Request-Id} every request that reaches the application gets) is problem details with the status and
 * what is wrong; and a 4xx leaves every table as it was.
 */
final class BadInputChecks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BadInputChecks() {
	}

	static List<String> violations(BadInputApp.Exchange exchange) {
		List<String> violations = new ArrayList<>();
		RawHttp.Response response = exchange.response();
		int status = response.status();
		if (status == 0) {
			violations.add("no answer: " + response.failure());
		}
		else if (status >= 500) {
			violations.add("answered " + status + ": " + BadRequest.shorten(response.body(), 600));
		}
		else if (status >= 400) {
			if (reachedApplication(response) && exchange.request().expectsProblemDetails()) {
				String problem = problemDetailsFault(status, response);
				if (problem != null) {
					violations.add("answered " + status + " without problem details (" + problem + "): " + response.header("content-type") + " "
							+ BadRequest.shorten(response.body(), 300));
				}
			}
			if (!exchange.before().equals(exchange.after())) {
				violations.add("answered " + status + " but wrote: " + changedTables(exchange.before(), exchange.after()));
			}
		}
		return violations;
	}

	static boolean reachedApplication(RawHttp.Response response) {
		return response.header("x-request-id") != null;
	}

	private static @Nullable String problemDetailsFault(int status, RawHttp.Response response) {
		String type = response.header("content-type");
		if (type == null || !type.contains("json")) {
			return "content type " + type;
		}
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		}
		catch (RuntimeException e) {
			return "body is not JSON";
		}
		if (!body.isObject()) {
			return "body is not an object";
		}
		if (!body.path("status").isNumber() || body.path("status").asInt() != status) {
			return "status field " + body.path("status");
		}
		if (body.path("detail").asString("").isBlank()) {
			return "no detail saying what is wrong";
		}
		return null;
	}

	static Map<String, String> changedTables(Map<String, String> before, Map<String, String> after) {
		Map<String, String> changed = new TreeMap<>();
		after.forEach((table, now) -> {
			if (!now.equals(before.get(table))) {
				changed.put(table, before.get(table) + " -> " + now);
			}
		});
		return changed;
	}
}

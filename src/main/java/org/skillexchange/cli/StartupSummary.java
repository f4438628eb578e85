package org.skillexchange.cli;

import java.util.ArrayList;
import java.util.List;

import org.skillexchange.config.AppConfig;

/** The first lines {@code serve} prints: which config, which database, where it listens, which channels are on and why. */
record StartupSummary(List<String> lines) {

	static StartupSummary of(AppConfig config, List<String> springArguments) {
		List<String> lines = new ArrayList<>();
		lines.add("Skill Exchange starting with " + (config.files().isEmpty() ? "no config file (all defaults)"
				: "config " + ServeCommand.describeFiles(config)));
		String client = text(config, "skillExchange.service.database.client", "h2");
		String port = springArguments.stream()
			.filter(argument -> argument.startsWith("--server.port="))
			.map(argument -> argument.substring("--server.port=".length()))
			.reduce((first, last) -> last)
			.orElse(text(config, "skillExchange.service.port", "7077"));
		lines.add("  listens on port " + port + "; database: "
				+ (client.equals("pg") ? "PostgreSQL" : "embedded H2 at " + text(config, "skillExchange.service.database.connection", "./data/skill-exchange")));
		lines.add("  channel backstage: " + backstage(config));
		lines.add("  channel slack: " + slack(config));
		return new StartupSummary(lines);
	}

	private static String backstage(AppConfig config) {
		if (!text(config, "skillExchange.notifications.enabled", "false").equals("true")) {
			return "off (skillExchange.notifications.enabled is not true)";
		}
		if (config.get("skillExchange.backstage.token").isEmpty()) {
			return "off (skillExchange.backstage.token is not set)";
		}
		return "on, sending to " + text(config, "backend.baseUrl", "http://localhost:7007");
	}

	private static String slack(AppConfig config) {
		if (config.get("skillExchange.slack").isEmpty()) {
			return "off (no skillExchange.slack section)";
		}
		if (config.get("skillExchange.slack.token").isEmpty()) {
			return "off (skillExchange.slack.token is not set)";
		}
		return "on, " + (text(config, "skillExchange.slack.mode", "socket").equals("http") ? "interactivity over HTTP"
				: "Socket Mode") + " via " + text(config, "skillExchange.slack.apiUrl", "https://slack.com/api/");
	}

	private static String text(AppConfig config, String path, String fallback) {
		return config.get(path).map(String::valueOf).orElse(fallback);
	}
}

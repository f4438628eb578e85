package org.skillexchange.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.skillexchange.channels.slack.SlackDiagnostics;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Prints the Slack app manifest for this service. The seed's manifest uses "Skill Exchange for
 * Backstage" as the bot's display name, which Slack rejects (letters, digits, - _ . only), so the
 * display name is adapted.
 */
@Command(name = "manifest", description = "Print the Slack app manifest (YAML) to paste at api.slack.com/apps > Create New App > From an app manifest.")
class ManifestCommand implements Callable<Integer> {

	static final String APP_NAME = "Skill Exchange for Backstage";

	static final String DESCRIPTION = "Enables notifications from Skill Exchange for Backstage in Slack.";

	static final String BACKGROUND_COLOR = "#9BF0E1";

	@Option(names = "--name", defaultValue = "skill-exchange", description = "Bot display name (letters, digits, - _ . only). Default: ${DEFAULT-VALUE}")
	String botName;

	@Option(names = "--http", paramLabel = "URL",
			description = "Use a request URL for interactivity instead of Socket Mode, e.g. https://skill-exchange.example.com/api/skill-exchange/slack/events")
	@Nullable String requestUrl;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		if (!botName.matches("[a-z0-9._-]{1,80}")) {
			throw new ParameterException(spec.commandLine(), "--name: '" + botName
					+ "' is not a valid Slack bot display name; use 1-80 lower-case letters, digits, '-', '_' or '.'");
		}
		if (requestUrl != null && !requestUrl.startsWith("https://")) {
			throw new ParameterException(spec.commandLine(), "--http: Slack only calls https:// request URLs");
		}
		var options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		var out = spec.commandLine().getOut();
		out.println("# Slack app manifest for Skill Exchange. See https://api.slack.com/reference/manifests#creating_apps");
		out.println("# After installing: Bot User OAuth Token (xoxb-) -> skillExchange.slack.token; Basic Information >");
		out.println("# App-Level Tokens, scope connections:write (xapp-) -> skillExchange.slack.appToken; Signing Secret ->");
		out.println("# skillExchange.slack.signingSecret.");
		out.print(new Yaml(options).dump(manifest()));
		out.flush();
		return 0;
	}

	Map<String, Object> manifest() {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("_metadata", Map.of("major_version", 1, "minor_version", 1));
		manifest.put("display_information", ordered("name", APP_NAME, "description", DESCRIPTION, "background_color", BACKGROUND_COLOR));
		manifest.put("features", ordered(
				"app_home", ordered("home_tab_enabled", false, "messages_tab_enabled", true, "messages_tab_read_only_enabled", true),
				"bot_user", ordered("display_name", botName, "always_online", true)));
		manifest.put("oauth_config", Map.of("scopes", Map.of("bot", SlackDiagnostics.REQUIRED_BOT_SCOPES)));
		Map<String, Object> interactivity = new LinkedHashMap<>();
		interactivity.put("is_enabled", true);
		if (requestUrl != null) {
			interactivity.put("request_url", requestUrl);
		}
		manifest.put("settings", ordered("interactivity", interactivity, "org_deploy_enabled", false, "socket_mode_enabled",
				requestUrl == null, "token_rotation_enabled", false));
		return manifest;
	}

	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}
}

package org.skillexchange.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The printed manifest parses as YAML and meets Slack's manifest schema constraints. */
class ManifestCommandTests {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(Map<String, Object> map, String... path) {
		Map<String, Object> node = map;
		for (String key : path) {
			node = (Map<String, Object>) node.get(key);
		}
		return node;
	}

	private Map<String, Object> printed() {
		return new Yaml().load(out.toString());
	}

	@Test
	void printsASocketModeManifestThatMeetsSlacksConstraints() {
		assertThat(run("manifest")).isZero();
		Map<String, Object> manifest = printed();

		var display = section(manifest, "display_information");
		assertThat((String) display.get("name")).isEqualTo("Skill Exchange for Backstage").hasSizeLessThanOrEqualTo(35);
		assertThat((String) display.get("description")).hasSizeLessThanOrEqualTo(140);
		assertThat((String) display.get("background_color")).matches("^#([0-9a-fA-F]{3}){1,2}$");
		assertThat((String) section(manifest, "features", "bot_user").get("display_name")).matches("^[\\w\\-.]+$");
		assertThat(section(manifest, "oauth_config", "scopes").get("bot")).isEqualTo(
				List.of("users:read", "users:read.email", "im:write", "chat:write", "chat:write.public"));
		var settings = section(manifest, "settings");
		assertThat(settings).containsEntry("socket_mode_enabled", true)
			.containsEntry("org_deploy_enabled", false)
			.containsEntry("token_rotation_enabled", false);
		assertThat(section(manifest, "settings", "interactivity")).containsEntry("is_enabled", true).doesNotContainKey("request_url");
	}

	@Test
	void theHttpVariantUsesARequestUrlInsteadOfSocketMode() {
		assertThat(run("manifest", "--http", "https://skx.example.com/api/skill-exchange/slack/events", "--name", "skx-bot")).isZero();
		Map<String, Object> manifest = printed();

		assertThat(section(manifest, "settings")).containsEntry("socket_mode_enabled", false);
		assertThat(section(manifest, "settings", "interactivity")).containsEntry("request_url",
				"https://skx.example.com/api/skill-exchange/slack/events");
		assertThat(section(manifest, "features", "bot_user")).containsEntry("display_name", "skx-bot");
	}

	@Test
	void rejectsADisplayNameSlackWouldRefuse() {
		assertThat(run("manifest", "--name", "Skill Exchange for Backstage")).isEqualTo(2);
		assertThat(err.toString()).contains("not a valid Slack bot display name");
	}
}

package org.skillexchange.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigLoaderTests {

	@TempDir
	Path dir;

	private final Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-123-456-secretvalue", "PORT", "8099");

	private AppConfigLoader loader() {
		return new AppConfigLoader(env::get);
	}

	private Path file(String name, String yaml) throws IOException {
		return Files.writeString(dir.resolve(name), yaml);
	}

	@Test
	void readsAnUnchangedBackstageConfigAndIgnoresOtherTopLevelKeys() throws IOException {
		// NOTIFY_TOKEN is not set: Backstage's own sections are not resolved, so that is no error.
		var backstage = Path.of("src/test/resources/backstage/app-config.yaml");
		var ours = file("skill-exchange.yaml", """
				skillExchange:
				  notifications:
				    enabled: true
				  hackUpdateNotificationsCron: "0 0 14 * * 1"
				  embedsPath: ${EMBEDS_PATH:-embeds}
				""");

		var config = loader().load(List.of(backstage, ours));

		assertThat(config.get("backend.baseUrl")).contains("http://127.0.0.1:7007");
		assertThat(config.toProperties()).containsEntry("skillExchange.notifications.enabled", "true")
			.containsEntry("skillExchange.embedsPath", "embeds")
			.containsEntry("app.baseUrl", "http://127.0.0.1:3000")
			.doesNotContainKeys("backend.listen.port", "notifications.retention");
		assertThat(config.warnings()).isEmpty();
	}

	@Test
	void laterFilesOverrideEarlierOnesMergingMapsAndReplacingLists() throws IOException {
		var base = file("a.yaml", """
				skillExchange:
				  embedsPath: embeds
				  admin: {postCleanupAdmins: [user:default/a, user:default/b]}
				  service: {port: 7077, database: {client: h2}}
				""");
		var overlay = file("b.yaml", """
				skillExchange:
				  admin: {postCleanupAdmins: [user:default/c]}
				  service: {port: 9000}
				""");

		var properties = loader().load(List.of(base, overlay)).toProperties();

		assertThat(properties).containsEntry("skillExchange.embedsPath", "embeds")
			.containsEntry("skillExchange.service.port", "9000")
			.containsEntry("skillExchange.service.database.client", "h2")
			.containsEntry("skillExchange.admin.postCleanupAdmins[0]", "user:default/c")
			.doesNotContainKey("skillExchange.admin.postCleanupAdmins[1]");
	}

	@Test
	void substitutesEnvironmentVariablesAndTheEnvAndFileForms() throws IOException {
		Files.writeString(dir.resolve("secret.txt"), "signing-secret-from-file\n");
		var config = loader().load(List.of(file("c.yaml", """
				skillExchange:
				  slack:
				    token: ${SLACK_BOT_TOKEN}
				    signingSecret: {$file: secret.txt}
				  service:
				    port: {$env: PORT}
				  embedsPath: literal-$${NOT_A_VARIABLE}
				""")));

		assertThat(config.toProperties()).containsEntry("skillExchange.slack.token", "xoxb-123-456-secretvalue")
			.containsEntry("skillExchange.slack.signingSecret", "signing-secret-from-file")
			.containsEntry("skillExchange.service.port", "8099")
			.containsEntry("skillExchange.embedsPath", "literal-${NOT_A_VARIABLE}");
	}

	@Test
	void anUnsetVariableIsAnErrorNamingTheKeyAndTheVariable() throws IOException {
		var f = file("d.yaml", "skillExchange:\n  slack:\n    token: ${SLACK_BOT_TOKEN_MISSING}\n");

		assertThatThrownBy(() -> loader().load(List.of(f))).isInstanceOf(InvalidConfig.class)
			.hasMessageContaining("skillExchange.slack.token")
			.hasMessageContaining("SLACK_BOT_TOKEN_MISSING");
	}

	@Test
	void redactsSecretsWhenPrinted() throws IOException {
		var config = loader().load(List.of(file("e.yaml", """
				skillExchange:
				  slack: {token: "${SLACK_BOT_TOKEN}", signingSecret: abcdef0123456789}
				  backstage: {token: backstage-static-token}
				  auth:
				    externalAccess: [{token: service-token-123, subject: ci-bot}]
				  service:
				    database: {client: pg, connection: {host: db, user: skx, password: hunter2hunter2}}
				""")));

		String printed = config.toRedactedYaml();

		assertThat(printed).contains("xoxb-…(redacted)", "subject: ci-bot", "host: db")
			.doesNotContain("secretvalue", "abcdef0123456789", "backstage-static-token", "service-token-123", "hunter2");
		assertThat(Secrets.mask("oops xoxb-123-456-secretvalue leaked")).isEqualTo("oops xoxb-…(redacted) leaked");
	}

	@Test
	void redactsThePasswordInADatabaseUrlAndMasksItInLogs() throws IOException {
		var config = loader().load(List.of(file("db.yaml", """
				skillExchange:
				  service:
				    database: {client: pg, connection: "postgresql://skx:pg-pass-0042@db.internal:5432/skx?sslmode=require"}
				""")));

		assertThat(config.toRedactedYaml()).contains("postgresql://skx:…(redacted)@db.internal:5432/skx?sslmode=require")
			.doesNotContain("pg-pass-0042");
		assertThat(Secrets.mask("connect failed: pg-pass-0042")).doesNotContain("pg-pass-0042");
	}

	@Test
	void warnsOnUnknownKeysUnderSkillExchangeWithASuggestion() throws IOException {
		var config = loader().load(List.of(file("f.yaml", "skillExchange:\n  embedPath: embeds\n  notifications: {enabled: true}\n")));

		assertThat(config.warnings()).containsExactly("skillExchange.embedPath: unknown key, ignored (did you mean 'embedsPath'?)");
	}

	@Test
	void eachBadValueIsOneLineNamingTheKeyAndTheFix() throws IOException {
		var f = file("g.yaml", """
				app: {baseUrl: not a url}
				skillExchange:
				  notifications: {enabled: yes-please}
				  service:
				    port: seventy
				    database: {client: mysql}
				  members: {source: ldap}
				  hackUpdateNotificationsCron: "every monday"
				  slack:
				    token: xapp-1-A111-222-abc
				    appToken: xoxb-111-222-abc
				""");

		assertThatThrownBy(() -> loader().load(List.of(f))).isInstanceOfSatisfying(InvalidConfig.class,
				invalid -> assertThat(invalid.problems()).satisfiesExactlyInAnyOrder(
						line -> assertThat(line).startsWith("app.baseUrl: not an absolute http(s) URL"),
						line -> assertThat(line).startsWith("skillExchange.notifications.enabled: expected true or false"),
						line -> assertThat(line).startsWith("skillExchange.service.port: expected a port number"),
						line -> assertThat(line).startsWith("skillExchange.service.database.client: unknown value 'mysql'; fix: use one of h2, pg"),
						line -> assertThat(line).startsWith("skillExchange.members.source: unknown value 'ldap'"),
						line -> assertThat(line).startsWith("skillExchange.hackUpdateNotificationsCron: invalid cron expression"),
						line -> assertThat(line).startsWith("skillExchange.slack.token: this is an App-Level Token (xapp-)"),
						line -> assertThat(line).startsWith("skillExchange.slack.appToken: this is a Bot User OAuth Token (xoxb-)")));
	}

	@Test
	void aYamlSyntaxErrorNamesTheFileAndLine() throws IOException {
		var f = file("h.yaml", "skillExchange:\n  notifications:\n    enabled: true\n   slack: [unclosed\n");

		assertThatThrownBy(() -> loader().load(List.of(f))).isInstanceOf(InvalidConfig.class)
			.hasMessageMatching("(?s).*h\\.yaml:\\d+: YAML syntax error.*");
	}

	@Test
	void aMissingFileIsNamed() {
		assertThatThrownBy(() -> loader().load(List.of(dir.resolve("nope.yaml")))).isInstanceOf(InvalidConfig.class)
			.hasMessageContaining("nope.yaml: config file not found");
	}
}

package org.skillexchange.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillexchange.slacksim.SimulatedToken;
import org.skillexchange.slacksim.SimulatedUser;
import org.skillexchange.slacksim.SlackSimulator;
import org.skillexchange.testsupport.BackstageHarness;
import org.skillexchange.testsupport.PostgresDatabases;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code doctor} against the Slack simulator configured into each failure and the real Backstage backend. */
class DoctorCommandTests {

	static final Path MEMBERS = Path.of("src/test/resources/cli/members.yaml").toAbsolutePath();

	static BackstageHarness backstage;

	@TempDir
	Path dir;

	SlackSimulator slack;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeAll
	static void startBackstage() {
		backstage = BackstageHarness.shared();
	}

	@BeforeEach
	void startSlack() {
		slack = SlackSimulator.start(SlackSimulator.options());
		slack.addUser(SimulatedUser.active("U0ADA", "ada@example.com", "ada"));
	}

	@AfterEach
	void stopSlack() {
		slack.close();
	}

	@Test
	void everythingSetUpPassesEveryCheckAndExitsZero() throws IOException {
		int exit = doctor(config(SlackSimulator.BOT_TOKEN, "socket", backstage.serviceToken(), backstage.baseUrl().toString()));

		assertThat(exit).isZero();
		assertThat(out.toString()).contains("✓ Config valid", "✓ Templates valid", "✓ Database reachable", "✓ Backstage reachable",
				"✓ Backstage accepts the token", "✓ Backstage notifications plugin: answering",
				"✓ Members source: file " + MEMBERS + ": 2 members, 2 with an email", "✓ Slack bot token: a bot token, valid",
				"✓ Slack scopes", "✓ Slack Socket Mode", "✓ Slack can message members: opened a DM with user:default/ada (U0ADA)",
				"All checks passed.")
			.doesNotContain("✗");
		assertThat(err.toString()).contains("checking the Slack app…");
		assertNoSecrets();
	}

	@Test
	void appLevelTokenInPlaceOfTheBotTokenIsNamedByTheConfigCheck() throws IOException {
		int exit = doctor(config(SlackSimulator.APP_TOKEN, "socket", backstage.serviceToken(), backstage.baseUrl().toString()));

		assertThat(exit).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		assertThat(out.toString()).isEqualTo("""
				✗ Config valid: skillExchange.slack.token: this is an App-Level Token (xapp-)
				    fix: use the Bot User OAuth Token (xoxb-) from OAuth & Permissions, and put the xapp- token in skillExchange.slack.appToken
				1 check failed.
				""");
		assertNoSecrets();
	}

	@Test
	void tokenSlackDoesNotKnowAsABotTokenIsTheWrongType() throws IOException {
		slack.addToken(new SimulatedToken("xoxb-really-an-app-token", SimulatedToken.Kind.APP, List.of("connections:write")));

		int exit = doctor(config("xoxb-really-an-app-token", "socket", backstage.serviceToken(), backstage.baseUrl().toString()));

		assertThat(exit).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		assertThat(out.toString()).contains(
				"✗ Slack bot token: Invalid token: you are using the App-Level Token; use the Bot User OAuth Token",
				"fix: put the Bot User OAuth Token (xoxb-…", "- Slack scopes: skipped, needs a working bot token");
		assertNoSecrets();
	}

	@Test
	void revokedBotTokenAsksToInstallTheApp() throws IOException {
		slack.revoke(SlackSimulator.BOT_TOKEN);

		int exit = doctor(config(SlackSimulator.BOT_TOKEN, "socket", backstage.serviceToken(), backstage.baseUrl().toString()));

		assertThat(exit).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		assertThat(out.toString()).contains("✗ Slack bot token: Messages not sending: install the app to your workspace"
				+ " (Slack answered token_revoked to auth.test)", "fix: in the app settings open Install App");
	}

	@Test
	void uninstalledAppAsksToInstallTheApp() throws IOException {
		slack.appInstalled(false);

		int exit = doctor(config(SlackSimulator.BOT_TOKEN, "socket", backstage.serviceToken(), backstage.baseUrl().toString()));

		assertThat(exit).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		assertThat(out.toString()).contains("✗ Slack bot token: Messages not sending: install the app to your workspace",
				"- Slack can message members: skipped, needs a working bot token");
	}

	@Test
	void missingScopesAreListed() throws IOException {
		slack.addToken(new SimulatedToken("xoxb-narrow-scopes", SimulatedToken.Kind.BOT, List.of("chat:write", "im:write")));

		int exit = doctor(config("xoxb-narrow-scopes", "socket", backstage.serviceToken(), backstage.baseUrl().toString()));

		assertThat(exit).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		assertThat(out.toString()).contains(
				"✗ Slack scopes: Missing scopes: users:read, users:read.email, chat:write.public (granted: chat:write,im:write)",
				"fix: add them under OAuth & Permissions > Scopes > Bot Token Scopes");
	}

	@Test
	void socketModeTurnedOffInTheAppIsNamed() throws IOException {
		slack.socketModeEnabled(false);

		int exit = doctor(config(SlackSimulator.BOT_TOKEN, "socket", backstage.serviceToken(), backstage.baseUrl().toString()));

		assertThat(exit).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		assertThat(out.toString()).contains("✗ Slack Socket Mode: Socket mode disabled: enable Socket Mode in the app settings",
				"✓ Slack can message members");
	}

	@Test
	void httpModeNeedsTheSigningSecret() throws IOException {
		int exit = doctor(config(SlackSimulator.BOT_TOKEN, "http", backstage.serviceToken(), backstage.baseUrl().toString()));

		assertThat(exit).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		assertThat(out.toString()).contains("✗ Slack signing secret: skillExchange.slack.signingSecret is not set")
			.doesNotContain("Slack Socket Mode");
	}

	@Test
	void tokenBackstageRefusesPrintsTheExternalAccessEntryToAdd() throws IOException {
		int exit = doctor(config(SlackSimulator.BOT_TOKEN, "socket", "not-the-configured-token", backstage.baseUrl().toString()));

		assertThat(exit).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		assertThat(out.toString()).contains("✓ Backstage reachable", "✗ Backstage accepts the token: Backstage refused Skill Exchange's"
				+ " token (HTTP 401", "externalAccess:", "subject: external:skill-exchange", "- plugin: notifications")
			.doesNotContain("not-the-configured-token");
	}

	@Test
	void backstageDownIsUnreachable() throws IOException {
		String nothingListens = "http://127.0.0.1:" + freePort();

		int exit = doctor(config(SlackSimulator.BOT_TOKEN, "socket", backstage.serviceToken(), nothingListens));

		assertThat(exit).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		assertThat(out.toString()).contains("✗ Backstage reachable: cannot reach Backstage at " + nothingListens
				+ " (connection refused)", "fix: start Backstage, or set backend.baseUrl", "- Backstage accepts the token: skipped");
	}

	@Test
	void membersFileWithoutUsersIsNamed() throws IOException {
		Path groupsOnly = Files.writeString(dir.resolve("groups.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n"
				+ "  name: team-a\nspec:\n  type: team\n");
		var config = config(SlackSimulator.BOT_TOKEN, "socket", backstage.serviceToken(), backstage.baseUrl().toString());
		Files.writeString(config, Files.readString(config).replace(MEMBERS.toString(), groupsOnly.toString()));

		int exit = doctor(config);

		assertThat(exit).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		assertThat(out.toString()).contains("✗ Members source: file " + groupsOnly + " has no User entities",
				"fix: point skillExchange.members.file at a catalog YAML file", "- Slack can message members: skipped, no members to open a DM with");
	}

	@Test
	void jsonOutputParsesAndCarriesEachCheckWithItsFix() throws IOException {
		slack.socketModeEnabled(false);

		int exit = doctor(config(SlackSimulator.BOT_TOKEN, "socket", backstage.serviceToken(), backstage.baseUrl().toString()), "--json");

		assertThat(exit).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		JsonNode document = JsonMapper.builder().build().readTree(out.toString());
		assertThat(document.path("ok").asBoolean()).isFalse();
		assertThat(document.path("checks").valueStream().filter(check -> check.path("status").asString().equals("failed")))
			.singleElement()
			.satisfies(check -> {
				assertThat(check.path("name").asString()).isEqualTo("Slack Socket Mode");
				assertThat(check.path("detail").asString()).isEqualTo("Socket mode disabled: enable Socket Mode in the app settings");
				assertThat(check.path("fix").asString()).contains("turn on Enable Socket Mode");
			});
		assertThat(err.toString()).isEmpty();
	}

	@Test
	void invalidConfigIsOneFailedLinePerProblemWithItsFix() throws IOException {
		var bad = Files.writeString(dir.resolve("bad.yaml"), "skillExchange:\n  service:\n    port: 99999\n");

		int exit = doctor(bad);

		assertThat(exit).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		assertThat(out.toString()).isEqualTo("""
				✗ Config valid: skillExchange.service.port: expected a port number 1-65535, got '99999'
				    fix: write a number such as 7077
				1 check failed.
				""");
	}

	@Test
	void pendingMigrationsFailUntilTheDatabaseIsMigrated() throws IOException {
		String url = PostgresDatabases.fresh("ops_doctor");
		var config = Files.writeString(dir.resolve("pg.yaml"), """
				skillExchange:
				  service:
				    database:
				      client: pg
				      connection: "%s"
				  members:
				    source: file
				    file: %s
				""".formatted(url, MEMBERS));

		int before = doctor(config);
		assertThat(before).isEqualTo(DoctorCommand.PROBLEMS_FOUND);
		assertThat(out.toString()).contains("✓ Database reachable: PostgreSQL", "✗ Database migrated: ", "migration(s) pending: V1 ",
				"fix: start the service (./skill-exchange serve)");

		Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
		out.getBuffer().setLength(0);
		int after = doctor(config);

		assertThat(out.toString()).contains("✓ Database migrated: at version");
		assertThat(after).isZero();
	}

	private int doctor(Path config, String... more) {
		String[] args = new String[3 + more.length];
		args[0] = "doctor";
		args[1] = "--config";
		args[2] = config.toString();
		System.arraycopy(more, 0, args, 3, more.length);
		return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
	}

	private Path config(String botToken, String mode, String backstageToken, String backendUrl) throws IOException {
		return Files.writeString(dir.resolve("app-config.yaml"), """
				backend:
				  baseUrl: %s
				skillExchange:
				  notifications:
				    enabled: true
				  backstage:
				    token: %s
				  service:
				    database:
				      connection: %s
				  members:
				    source: file
				    file: %s
				  slack:
				    token: %s
				    appToken: %s
				    mode: %s
				    apiUrl: %s
				""".formatted(backendUrl, backstageToken, dir.resolve("db"), MEMBERS, botToken, SlackSimulator.APP_TOKEN, mode,
				slack.apiUrl()));
	}

	private void assertNoSecrets() {
		assertThat(out + err.toString()).doesNotContain(SlackSimulator.BOT_TOKEN, SlackSimulator.APP_TOKEN, backstage.serviceToken());
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}

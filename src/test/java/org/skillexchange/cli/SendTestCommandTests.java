package org.skillexchange.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillexchange.slacksim.SimulatedUser;
import org.skillexchange.slacksim.SlackSimulator;
import org.skillexchange.testsupport.BackstageHarness;
import org.skillexchange.testsupport.PostgresDatabases;

/** {@code send-test} through the real Backstage backend and the Slack simulator, on PostgreSQL. */
class SendTestCommandTests {

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
	void deliversOnEveryChannelAndShowsWhereItLanded() throws IOException {
		int exit = sendTest("user:default/ada");

		assertThat(exit).isZero();
		var backstageLine = Pattern.compile("✓ backstage: delivered, id (\\S+) \\(\\d+ ms\\)").matcher(out.toString());
		assertThat(backstageLine.find()).as(out.toString()).isTrue();
		assertThat(backstage.listNotifications(backstage.userToken("ada")))
			.anySatisfy(notification -> {
				assertThat(notification.id()).isEqualTo(backstageLine.group(1));
				assertThat(notification.title()).isEqualTo("Skill Exchange test notification");
			});
		String dm = slack.dmWith("U0ADA");
		assertThat(slack.messages(dm)).singleElement().satisfies(message -> {
			String ts = message.ts();
			assertThat(out.toString()).contains("✓ slack: delivered, channel " + dm + ", ts " + ts + ", https://slack.com/archives/" + dm
					+ "/p" + ts.replace(".", ""));
		});
		assertThat(out.toString()).contains("Delivered on every enabled channel.");
	}

	@Test
	void reportsTheReasonAChannelDidNotDeliverAndExitsOne() throws IOException {
		int exit = sendTest("user:default/ghost");

		assertThat(exit).isEqualTo(SendTestCommand.NOT_DELIVERED);
		assertThat(out.toString()).contains("✓ backstage: delivered",
				"✗ slack: failed after 1 attempt(s), Slack answered users_not_found to users.lookupByEmail",
				"Not delivered on every enabled channel.");
	}

	@Test
	void pausedChannelIsReportedWithItsReasonWhenTheWaitEnds() throws IOException {
		slack.revoke(SlackSimulator.BOT_TOKEN);

		int exit = sendTest("user:default/ada", "--timeout", "2");

		assertThat(exit).isEqualTo(SendTestCommand.NOT_DELIVERED);
		assertThat(out.toString()).contains("✓ backstage: delivered", "✗ slack: not delivered in time after 0 attempt(s),"
				+ " last error: waiting: channel paused: Messages not sending: install the app to your workspace");
	}

	private int sendTest(String to, String... more) throws IOException {
		Path members = Path.of("src/test/resources/cli/members.yaml").toAbsolutePath();
		Path config = Files.writeString(dir.resolve("app-config.yaml"), """
				backend:
				  baseUrl: %s
				skillExchange:
				  notifications:
				    enabled: true
				  backstage:
				    token: %s
				  service:
				    database:
				      client: pg
				      connection: "%s"
				  members:
				    source: file
				    file: %s
				  slack:
				    token: %s
				    appToken: %s
				    apiUrl: %s
				""".formatted(backstage.baseUrl(), backstage.serviceToken(), PostgresDatabases.fresh("ops_send_test"), members,
				SlackSimulator.BOT_TOKEN, SlackSimulator.APP_TOKEN, slack.apiUrl()));
		String[] args = new String[5 + more.length];
		args[0] = "send-test";
		args[1] = "--to";
		args[2] = to;
		args[3] = "--config";
		args[4] = config.toString();
		System.arraycopy(more, 0, args, 5, more.length);
		return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
	}
}

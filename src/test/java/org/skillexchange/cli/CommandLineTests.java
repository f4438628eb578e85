package org.skillexchange.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTests {

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
	}

	@Test
	void configPrintShowsTheMergedConfigWithSecretsRedacted() throws IOException {
		var overlay = Files.writeString(dir.resolve("slack.yaml"), "skillExchange:\n  slack:\n    token: xoxb-1-2-verysecret\n");

		int exit = run("config", "print", "--config", "../examples/app-config.yaml".replace("../", ""), "--config", overlay.toString());

		assertThat(exit).isZero();
		assertThat(out.toString()).contains("token: xoxb-…(redacted)", "postCleanupAdmins").doesNotContain("verysecret");
	}

	@Test
	void aBadConfigIsOneLinePerProblemAndExitCodeTwo() throws IOException {
		var bad = Files.writeString(dir.resolve("bad.yaml"), "skillExchange:\n  service:\n    port: 99999\n");

		int exit = run("config", "check", "--config", bad.toString());

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString().strip()).isEqualTo(
				"config error: skillExchange.service.port: expected a port number 1-65535, got '99999'; fix: write a number such as 7077");
	}

	@Test
	void configCheckPassesTheExampleAndWarnsAboutUnknownKeys() throws IOException {
		var typo = Files.writeString(dir.resolve("typo.yaml"), "skillExchange:\n  hackPath: hacks\n");

		int exit = run("config", "check", "--config", "examples/app-config.yaml", "--config", typo.toString());

		assertThat(exit).isZero();
		assertThat(out.toString()).startsWith("config OK");
		assertThat(err.toString()).contains("warning: skillExchange.hackPath: unknown key, ignored (did you mean 'hacksPath'?)");
	}

	@Test
	void anUnknownCommandPrintsUsageAndExitsTwo() {
		int exit = run("frobnicate");

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString()).contains("Unmatched argument", "Usage: skill-exchange");
	}

	@Test
	void versionAndHelpAnswer() {
		assertThat(run("--version")).isZero();
		assertThat(out.toString()).contains("skill-exchange");
		assertThat(run("--help")).isZero();
		assertThat(out.toString()).contains("serve", "config");
	}
}

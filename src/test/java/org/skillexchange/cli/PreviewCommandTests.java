package org.skillexchange.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PreviewCommandTests {

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
	}

	private Path config(String yaml) throws IOException {
		return Files.writeString(dir.resolve("app-config.yaml"), yaml);
	}

	@Test
	void printsTheBackstageTitleAndDescription() throws IOException {
		int exit = run("preview", "gig.participant.added", "--config", config("{}\n").toString());

		assertThat(exit).isZero();
		assertThat(out.toString()).isEqualTo("Title: Platform embed: observability\n\n"
				+ "Linus Torvalds added you as a participant in Platform embed: observability.\n");
	}

	@Test
	void printsTheSlackMessageAsBlockKitJson() throws IOException {
		int exit = run("preview", "hack.inquiry", "--channel", "slack", "--post-type", "hack", "--config", config("{}\n").toString());

		assertThat(exit).isZero();
		JsonNode message = JsonMapper.builder().build().readTree(out.toString());
		assertThat(message.path("text").asString()).startsWith("Grace Hopper is interested in joining the team");
		assertThat(message.path("blocks").get(2).path("elements").get(0).path("action_id").asString()).isEqualTo("hack_member_add");
	}

	@Test
	void honoursTemplateOverridesInTheConfig() throws IOException {
		var file = config("skillExchange:\n  notifications:\n    templates:\n      hack.digest:\n        backstage:\n"
				+ "          title: \"Your weekly hacks ({{#posts}}{{-index}}{{/posts}})\"\n");

		int exit = run("preview", "hack.digest", "--config", file.toString());

		assertThat(exit).isZero();
		assertThat(out.toString()).startsWith("Title: Your weekly hacks (12)\n");
	}

	@Test
	void anInvalidTemplateIsOneLinePerProblemAndExitCodeTwo() throws IOException {
		var file = config("skillExchange:\n  notifications:\n    templates:\n      test:\n        slack:\n          text: \"{{who}}\"\n");

		int exit = run("preview", "test", "--config", file.toString());

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString().strip()).isEqualTo("template error: config skillExchange.notifications.templates[test].slack.text,"
				+ " line 1: unknown variable 'who' for test; fix: this type has no variables; remove {{who}}");
	}

	@Test
	void configCheckReportsInvalidTemplatesToo() throws IOException {
		var file = config("skillExchange:\n  notifications:\n    templates:\n      search.match:\n        backstage:\n"
				+ "          description: \"{{#postTitle}}match\"\n");

		int exit = run("config", "check", "--config", file.toString());

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString().strip()).isEqualTo("template error: config skillExchange.notifications.templates[search.match]"
				+ ".backstage.description, line 1: section 'postTitle' is not closed; fix: add {{/postTitle}} where the section should end");
	}

	@Test
	void serveRefusesToStartWithAnInvalidTemplate() throws IOException {
		var file = config("skillExchange:\n  notifications:\n    templates:\n      hack.member.added:\n        slack:\n"
				+ "          blocks: \"[{{postTitle}}]\"\n");

		int exit = run("serve", "--config", file.toString());

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString().strip()).startsWith("template error: config skillExchange.notifications.templates[hack.member.added]"
				+ ".slack.blocks, line 1: invalid Block Kit JSON");
	}

	@Test
	void anUnknownTypeListsTheKnownOnes() throws IOException {
		int exit = run("preview", "gig.enquiry", "--config", config("{}\n").toString());

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString()).startsWith("unknown notification type 'gig.enquiry'; use one of gig.inquiry,");
	}
}

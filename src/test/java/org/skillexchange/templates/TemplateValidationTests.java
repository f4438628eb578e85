package org.skillexchange.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skillexchange.templates.TemplateFixtures.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;

class TemplateValidationTests {

	private static final String BLOCKS = "config skillExchange.notifications.templates[gig.inquiry].slack.blocks";

	@TempDir
	Path dir;

	private static List<String> problems(TemplateSettings settings, NotificationMessageBuilder... builders) {
		var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidTemplates.class,
				() -> MustacheTemplates.create(settings, List.of(builders)));
		assertThat(thrown).as("templates should be rejected").isNotNull();
		return thrown.problems();
	}

	@Test
	void theShippedTemplatesAreValid() {
		assertThat(TemplateFixtures.defaults()).isNotNull();
	}

	@Test
	void anUnknownVariableNamesTheTemplateTheLineAndTheKnownNames() {
		assertThat(problems(config("gig.inquiry", null, "{{sender}} likes\n{{postName}}", null, null))).containsExactly(
				"config skillExchange.notifications.templates[gig.inquiry].backstage.description, line 2: unknown variable 'postName'"
						+ " for gig.inquiry; fix: use one of postUrl, postTitle, sender, customMessage, connectionId, requester"
						+ " (see docs/customizing-notifications.md)");
	}

	@Test
	void anUnknownVariableInsideASectionIsFoundToo() {
		assertThat(problems(config("hack.digest", null, "{{#posts}}\n{{^newUpdates}}{{authors}}{{/newUpdates}}\n{{/posts}}", null, null)))
			.singleElement().asString().contains("line 2: unknown variable 'authors' for hack.digest");
	}

	@Test
	void aVariableOfAnotherTypeIsUnknown() {
		assertThat(problems(config("search.match", "{{sender}}", null, null, null))).singleElement().asString()
			.startsWith("config skillExchange.notifications.templates[search.match].backstage.title, line 1: unknown variable 'sender'"
					+ " for search.match; fix: use one of postUrl, postTitle");
	}

	@Test
	void aSectionThatDoesNotCloseIsReportedWithItsLine() {
		assertThat(problems(config("gig.inquiry", null, "Hi\n{{#customMessage}}\nThey wrote {{customMessage}}\n", null, null)))
			.containsExactly("config skillExchange.notifications.templates[gig.inquiry].backstage.description, line 2: section"
					+ " 'customMessage' is not closed; fix: add {{/customMessage}} where the section should end");
	}

	@Test
	void sectionsThatCloseOutOfOrderAreReported() {
		assertThat(problems(config("hack.digest", null, "{{#posts}}{{#newUpdates}}x{{/posts}}{{/newUpdates}}", null, null)))
			.singleElement().asString()
			.contains("line 1: {{/posts}} closes a section while 'newUpdates' is still open; fix: close 'newUpdates' first");
	}

	@Test
	void invalidBlockKitJsonNamesTheLineOfTheTemplate() {
		String blocks = """
				[
				  {"type": "section", "text": {"type": "mrkdwn", "text": "{{postTitle}}"}}
				  {"type": "divider"}
				]
				""";

		assertThat(problems(config("gig.inquiry", null, null, null, blocks))).singleElement().asString()
			.startsWith(BLOCKS + ", line 3: invalid Block Kit JSON (Unexpected character ('{'")
			.endsWith("fix: check the commas, quotes and brackets here; the template must render one JSON array of block objects,"
					+ " and a value must sit inside quotes (\"{{postTitle}}\")");
	}

	@Test
	void blocksThatBreakOnlyWithoutAnOptionalValueAreCaught() {
		String blocks = """
				[
				  {"type": "section", "text": {"type": "mrkdwn", "text": "{{postTitle}}"}},
				  {{#customMessage}}{"type": "section", "text": {"type": "mrkdwn", "text": "{{customMessage}}"}}{{/customMessage}}
				]
				""";

		assertThat(problems(config("gig.inquiry", null, null, null, blocks))).singleElement().asString()
			.startsWith(BLOCKS + ", line 4: invalid Block Kit JSON");
	}

	@Test
	void aValueOutsideQuotesIsInvalidJson() {
		String blocks = "[\n{\"type\": \"section\", \"text\": {\"type\": \"mrkdwn\", \"text\": {{postTitle}}}}\n]";

		assertThat(problems(config("gig.inquiry", null, null, null, blocks))).singleElement().asString()
			.startsWith(BLOCKS + ", line 2: invalid Block Kit JSON");
	}

	@Test
	void moreThanFiftyBlocksAreRejected() {
		String block = "  {\"type\": \"divider\"}";
		String blocks = "[\n" + String.join(",\n", java.util.Collections.nCopies(51, block)) + "\n]";

		assertThat(problems(config("gig.inquiry", null, null, null, blocks))).containsExactly(BLOCKS
				+ ", line 52: 51 blocks, Slack allows at most 50; fix: merge or remove blocks (a section over a list repeats its block for each item)");
	}

	@Test
	void sectionTextOverThreeThousandCharactersIsRejected() {
		String blocks = "[\n  {\"type\": \"divider\"},\n  {\"type\": \"section\", \"text\": {\"type\": \"mrkdwn\", \"text\": \"{{postTitle}} "
				+ "y".repeat(3_000) + "\"}}\n]";

		assertThat(problems(config("gig.inquiry", null, null, null, blocks))).containsExactly(BLOCKS
				+ ", line 3: section text of 3030 characters, Slack allows at most 3000; fix: shorten the text or split it over several section blocks");
	}

	@Test
	void buttonTextOverSeventyFiveCharactersIsRejected() {
		String blocks = """
				[
				  {"type": "actions", "elements": [
				    {"type": "button", "text": {"type": "plain_text", "text": "Add as participant"}, "action_id": "a", "value": "{{connectionId}}"},
				    {"type": "button", "text": {"type": "plain_text", "text": "Politely decline this request and tell {{sender}} that the post is already full"}, "action_id": "b"}
				  ]}
				]
				""";

		assertThat(problems(config("gig.inquiry", null, null, null, blocks))).containsExactly(BLOCKS
				+ ", line 4: button text of 81 characters, Slack allows at most 75; fix: use a shorter label");
	}

	@Test
	void messageTextOverFortyThousandCharactersIsRejected() {
		String text = "{{postTitle}}\n" + "z".repeat(40_001);

		assertThat(problems(config("gig.inquiry", null, null, text, null))).containsExactly(
				"config skillExchange.notifications.templates[gig.inquiry].slack.text, line 2: message text of 40031 characters,"
						+ " Slack allows at most 40000; fix: shorten it: the text is the notification's fallback, the blocks carry the message");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		var settings = new TemplateSettings(Map.of(
				"gig.inquiry", new TemplateSettings.Override(new TemplateSettings.Backstage("{{nope}}", null), null),
				"search.match", new TemplateSettings.Override(null, new TemplateSettings.Slack("{{#postTitle}}", null))), null);

		assertThat(problems(settings)).hasSize(2);
	}

	@Test
	void unknownTemplateKeysAreNamedWithTheKnownTypes() {
		assertThat(problems(config("gig.inquirry", "x", null, null, null))).singleElement().asString()
			.startsWith("skillExchange.notifications.templates[gig.inquirry]: 'gig.inquirry' is not a notification type (with an optional"
					+ " post type); fix: use one of gig.inquiry, gig.inquiry.confirmation,");
	}

	@Test
	void customNotificationsCannotOverrideTheirOwnTitle() {
		assertThat(problems(config("custom", "x", null, null, null))).singleElement().asString()
			.startsWith("skillExchange.notifications.templates[custom].backstage: custom notifications bring their own title");
	}

	@Test
	void aTemplatesDirectoryThatIsMissingOrHasStrayFilesIsReported() throws IOException {
		assertThat(problems(TemplateFixtures.directory(dir.resolve("nope")))).singleElement().asString()
			.startsWith("skillExchange.notifications.templatesDirectory: directory not found");

		Files.writeString(dir.resolve("gig.inquiry.slack.mustache"), "x");
		assertThat(problems(TemplateFixtures.directory(dir))).singleElement().asString()
			.isEqualTo(dir.resolve("gig.inquiry.slack.mustache") + ": not a template name; fix: name it <type>[.<postType>].<part>.mustache"
					+ " with part one of backstage.title, backstage.description, slack.text, slack.blocks.json");
	}

	@Test
	void aBrokenTemplateInTheDirectoryNamesTheFile() throws IOException {
		Path file = Files.writeString(dir.resolve("hack.member.added.slack.text.mustache"), "Welcome to {{hackName}}");

		assertThat(problems(TemplateFixtures.directory(dir))).containsExactly(file + ", line 1: unknown variable 'hackName' for"
				+ " hack.member.added; fix: use one of postUrl, postTitle (see docs/customizing-notifications.md)");
	}

	@Test
	void twoBuildersForOneTypeAreRejected() {
		NotificationMessageBuilder first = () -> NotificationType.TEST;
		NotificationMessageBuilder second = () -> NotificationType.TEST;

		assertThat(problems(new TemplateSettings(Map.of(), null), first, second)).singleElement().asString()
			.contains("a second NotificationMessageBuilder for test");
	}

	@Test
	void aBuilderThatProducesInvalidBlocksIsRejected() {
		var builder = new NotificationMessageBuilder() {
			@Override
			public NotificationType type() {
				return NotificationType.SEARCH_MATCH;
			}

			@Override
			public PostType postType() {
				return PostType.EMBED;
			}

			@Override
			public SlackMessage slack(Map<String, Object> data, SlackMessage rendered) {
				return new SlackMessage(rendered.text(), "[{\"type\": \"section\", \"text\": " + data.get("postTitle") + "}]");
			}
		};

		assertThat(problems(new TemplateSettings(Map.of(), null), builder)).singleElement().asString()
			.startsWith("builder " + builder.getClass().getName() + " (search.match.embed): slack() blocks: invalid Block Kit JSON");
	}
}

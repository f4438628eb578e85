package org.skillexchange.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillexchange.templates.TemplateFixtures.blocks;
import static org.skillexchange.templates.TemplateFixtures.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;
import org.skillexchange.notifications.Severity;
import org.skillexchange.notifications.spi.NotificationContent;
import org.skillexchange.notifications.spi.PlainTextRenderer.PlainText;
import tools.jackson.databind.JsonNode;

class MustacheTemplatesTests {

	private static final MustacheTemplates templates = TemplateFixtures.defaults();

	static Stream<Arguments> everyTypeAndPostType() {
		List<Arguments> all = new ArrayList<>();
		for (NotificationType type : NotificationType.values()) {
			all.add(Arguments.of(type, null));
			for (PostType postType : PostType.values()) {
				all.add(Arguments.of(type, postType));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("everyTypeAndPostType")
	void everyCatalogueTypeRendersOnBothChannelsWithTheDefaults(NotificationType type, PostType postType) {
		Map<String, Object> data = sample(type, postType);

		SlackMessage slack = templates.slack(type, postType, data);

		assertThat(slack.text()).isNotBlank().doesNotContain("{{");
		assertThat(blocks(slack).isArray()).isTrue();
		assertThat(blocks(slack).size()).isPositive();
		assertThat(BlockKit.check(slack.blocksJson())).isEmpty();
		if (type == NotificationType.CUSTOM) {
			assertThat(templates.render(type, postType, data)).isEmpty();
			return;
		}
		PlainText text = templates.render(type, postType, data).orElseThrow();
		assertThat(text.title()).isEqualTo(switch (type) {
			case SEARCH_MATCH -> "New Post Match";
			case HACK_DIGEST -> "Skill Exchange Digest";
			case TEST -> "Skill Exchange test notification";
			default -> data.get("postTitle");
		});
		assertThat(text.description()).isNotBlank().doesNotContain("{{");
	}

	@Test
	void mentorshipsAndEmbedsGetTheirOwnWording() {
		assertThat(templates.render(NotificationType.SEARCH_MATCH, PostType.MENTORSHIP, sample(NotificationType.SEARCH_MATCH, null))
			.orElseThrow().description()).startsWith("It's a match! A new mentorship, Platform embed: observability,");
		assertThat(templates.render(NotificationType.GIG_INQUIRY, PostType.EMBED, sample(NotificationType.GIG_INQUIRY, null))
			.orElseThrow().description()).startsWith("Grace Hopper is interested in your post Platform embed: observability.")
			.endsWith("They sent you a message: I'd love to help with tracing!");
	}

	@Test
	void inquiryButtonsCarryTheIdsTheirHandlersNeed() {
		JsonNode inquiry = blocks(templates.slack(NotificationType.GIG_INQUIRY, PostType.EMBED, sample(NotificationType.GIG_INQUIRY, null)));
		JsonNode reminder = blocks(templates.slack(NotificationType.GIG_INQUIRY_REMINDER, null, sample(NotificationType.GIG_INQUIRY_REMINDER, null)));
		JsonNode hack = blocks(templates.slack(NotificationType.HACK_INQUIRY, PostType.HACK, sample(NotificationType.HACK_INQUIRY, null)));

		assertThat(buttons(inquiry)).containsExactly("Add as participant|gig_connection_accept|3f2b8c1e-5a7d-4e0f-9b6a-1c2d3e4f5a6b",
				"Decline|gig_connection_decline|3f2b8c1e-5a7d-4e0f-9b6a-1c2d3e4f5a6b");
		assertThat(buttons(reminder)).containsExactly("Add as participant|gig_connection_accept|3f2b8c1e-5a7d-4e0f-9b6a-1c2d3e4f5a6b",
				"Stop reminders|gig_reminders_stop|3f2b8c1e-5a7d-4e0f-9b6a-1c2d3e4f5a6b");
		assertThat(buttons(hack)).containsExactly("Add to team|hack_member_add|7|user:default/ghopper");
	}

	@Test
	void userWrittenMentionsInATitleComeOutEscapedInSlackTextAndBlocks() {
		Map<String, Object> data = sample(NotificationType.GIG_INQUIRY, null);
		data.put("postTitle", "Help <!channel> ping <@U123> & <https://evil.example|click>");

		SlackMessage slack = templates.slack(NotificationType.GIG_INQUIRY, null, data);

		String escaped = "Help &lt;!channel&gt; ping &lt;@U123&gt; &amp; &lt;https://evil.example|click&gt;";
		assertThat(slack.text()).contains(escaped).doesNotContain("<!channel>", "<@U123>");
		assertThat(blocks(slack).get(0).path("text").path("text").asString()).contains(escaped);
		assertThat(slack.blocksJson()).doesNotContain("<!channel>", "<@U123>");
	}

	@Test
	void backstageTextStaysPlain() {
		Map<String, Object> data = sample(NotificationType.GIG_INQUIRY, null);
		data.put("postTitle", "Tom & Jerry <!channel>");

		assertThat(templates.render(NotificationType.GIG_INQUIRY, null, data).orElseThrow().title()).isEqualTo("Tom & Jerry <!channel>");
	}

	@Test
	void jsonStaysValidWithQuotesBackslashesAndNewlinesInValues() {
		Map<String, Object> data = sample(NotificationType.GIG_INQUIRY, null);
		data.put("customMessage", "He said \"hi\"\nthen left \\ }, {\"type\": \"divider\"}\t");
		data.put("sender", "\"},{");

		JsonNode blocks = blocks(templates.slack(NotificationType.GIG_INQUIRY, null, data));

		assertThat(blocks.size()).isEqualTo(3);
		assertThat(blocks.get(0).path("text").path("text").asString()).startsWith("*\"},{* is interested");
		assertThat(blocks.get(1).path("text").path("text").asString())
			.isEqualTo("They sent you a message:\n>He said \"hi\"\n>then left \\ }, {\"type\": \"divider\"}\t");
	}

	@Test
	void everyLineOfAMultiLineMessageIsQuotedInSlack() {
		Map<String, Object> data = sample(NotificationType.HACK_INQUIRY, null);
		data.put("customMessage", "first line\nsecond > line\n\\n is not a break");

		JsonNode blocks = blocks(templates.slack(NotificationType.HACK_INQUIRY, null, data));

		assertThat(blocks.get(1).path("text").path("text").asString())
			.isEqualTo("They sent you a message:\n>first line\n>second &gt; line\n>\\n is not a break");
	}

	@Test
	void anOrganisationsTemplateCanQuoteTheMessageInBackstageToo() {
		var custom = MustacheTemplates.create(TemplateFixtures.config("gig.inquiry", null,
				"{{sender}} wrote:{{#customMessage}}\n{{#quote}}{{customMessage}}{{/quote}}{{/customMessage}}", null, null), List.of());
		Map<String, Object> data = sample(NotificationType.GIG_INQUIRY, null);
		data.put("customMessage", "one\ntwo");

		assertThat(custom.render(NotificationType.GIG_INQUIRY, null, data).orElseThrow().description())
			.isEqualTo(data.get("sender") + " wrote:\n> one\n> two");
	}

	@Test
	void quotingMarksEveryLineInEachForm() {
		assertThat(Quote.PLAIN_TEXT.quoted("a\nb")).isEqualTo("> a\n> b");
		assertThat(Quote.SLACK_TEXT.quoted("a\nb")).isEqualTo(">a\n>b");
		assertThat(Quote.SLACK_JSON.quoted("a\\nb\\\\n")).isEqualTo(">a\\n>b\\\\n");
	}

	@Test
	void anAbsentOptionalMessageLeavesItsBlockOut() {
		Map<String, Object> data = sample(NotificationType.GIG_INQUIRY, null);
		data.remove("customMessage");

		JsonNode blocks = blocks(templates.slack(NotificationType.GIG_INQUIRY, null, data));

		assertThat(blocks.size()).isEqualTo(2);
		assertThat(templates.render(NotificationType.GIG_INQUIRY, null, data).orElseThrow().description()).doesNotContain("message");
	}

	@Test
	void theDigestListsEveryFollowedHack() {
		SlackMessage slack = templates.slack(NotificationType.HACK_DIGEST, PostType.HACK, sample(NotificationType.HACK_DIGEST, null));
		PlainText text = templates.render(NotificationType.HACK_DIGEST, PostType.HACK, sample(NotificationType.HACK_DIGEST, null)).orElseThrow();

		assertThat(blocks(slack).size()).isEqualTo(4);
		assertThat(text.description()).isEqualTo("There are updates to hacks you're following:\n"
				+ "- Rust in the build pipeline: 1 update(s), 3 comment(s)\n- Dark mode for the docs: 2 update(s), 0 comment(s)");
	}

	@Test
	void aDigestEntryWithoutCountsStillRenders() {
		Map<String, Object> data = Map.of("posts", List.of(Map.of("postTitle", "Quiet hack", "postUrl", "https://b.example/h/1")));

		assertThat(templates.render(NotificationType.HACK_DIGEST, null, data).orElseThrow().description())
			.endsWith("- Quiet hack:  update(s),  comment(s)");
		assertThat(BlockKit.check(templates.slack(NotificationType.HACK_DIGEST, null, data).blocksJson())).isEmpty();
	}

	@Test
	void aCustomNotificationShowsItsOwnTitleAndDescriptionOnSlack() {
		var content = new NotificationContent(UUID.randomUUID(), NotificationType.CUSTOM, null, null, "Freeze <!here>", "Merge by *Thu*",
				"https://backstage.example.com/x", Severity.NORMAL, "Skill Exchange", null, Map.of(), "ci-bot", Instant.EPOCH);

		SlackMessage slack = templates.renderSlack(content);

		assertThat(slack.text()).isEqualTo("Freeze &lt;!here&gt;: Merge by *Thu*");
		assertThat(blocks(slack).get(0).path("text").path("text").asString()).isEqualTo("*Freeze &lt;!here&gt;*\nMerge by *Thu*");
		assertThat(blocks(slack).get(1).path("elements").get(0).path("text").asString()).isEqualTo("<https://backstage.example.com/x|Open in Backstage>");
	}

	@Test
	void overlongUserValuesAreCutToSlackLimits() {
		Map<String, Object> data = sample(NotificationType.GIG_INQUIRY, null);
		data.put("customMessage", "x".repeat(5_000));

		JsonNode blocks = blocks(templates.slack(NotificationType.GIG_INQUIRY, null, data));

		assertThat(blocks.get(1).path("text").path("text").asString()).hasSize(BlockKit.MAX_SECTION_TEXT).endsWith("…");
	}

	private static List<String> buttons(JsonNode blocks) {
		List<String> buttons = new ArrayList<>();
		for (JsonNode block : blocks) {
			for (JsonNode element : block.path("elements")) {
				if (element.path("type").asString("").equals("button")) {
					buttons.add(element.path("text").path("text").asString() + "|" + element.path("action_id").asString() + "|"
							+ element.path("value").asString());
				}
			}
		}
		return buttons;
	}
}

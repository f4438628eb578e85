package org.skillexchange.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillexchange.templates.TemplateFixtures.blocks;
import static org.skillexchange.templates.TemplateFixtures.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillexchange.config.AppConfig;
import org.skillexchange.config.AppConfigLoader;
import org.skillexchange.config.AppConfigPropertySource;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;
import org.skillexchange.notifications.spi.PlainTextRenderer;
import org.skillexchange.notifications.spi.PlainTextRenderer.PlainText;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class TemplatesConfigurationTests {

	private static final String OVERRIDES = """
			skillExchange:
			  notifications:
			    enabled: true
			    templates:
			      gig.inquiry:
			        backstage:
			          title: "Inquiry: {{postTitle}}"
			        slack:
			          text: "{{sender}} wants in on {{postTitle}}"
			      search.match.mentorship:
			        backstage:
			          description: "A mentorship for you: {{postTitle}}"
			      gig.participant.declined:
			        slack:
			          blocks: |
			            [{"type": "section", "text": {"type": "mrkdwn", "text": "Sorry, {{postTitle}} is full"}}]
			""";

	@TempDir
	Path dir;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(TemplatesConfiguration.class, Settings.class);

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TemplateSettings.class)
	static class Settings {
	}

	private AppConfig load(String yaml) throws IOException {
		return new AppConfigLoader(name -> null).load(List.of(Files.writeString(dir.resolve("app-config.yaml"), yaml)));
	}

	@Test
	void anOverrideInTheYamlConfigReachesTheRenderer() throws IOException {
		runner.withInitializer(new AppConfigPropertySource(load(OVERRIDES))).run(context -> {
			var plain = context.getBean(PlainTextRenderer.class);
			var templates = (MustacheTemplates) context.getBean(Templates.class);

			PlainText inquiry = plain.render(NotificationType.GIG_INQUIRY, PostType.EMBED, sample(NotificationType.GIG_INQUIRY, null)).orElseThrow();
			assertThat(inquiry.title()).isEqualTo("Inquiry: Platform embed: observability");
			assertThat(inquiry.description()).startsWith("Grace Hopper is interested in your post");
			assertThat(templates.slack(NotificationType.GIG_INQUIRY, null, sample(NotificationType.GIG_INQUIRY, null)).text())
				.isEqualTo("Grace Hopper wants in on Platform embed: observability");
			assertThat(plain.render(NotificationType.SEARCH_MATCH, PostType.MENTORSHIP, sample(NotificationType.SEARCH_MATCH, null))
				.orElseThrow().description()).isEqualTo("A mentorship for you: Platform embed: observability");
			assertThat(plain.render(NotificationType.SEARCH_MATCH, PostType.EMBED, sample(NotificationType.SEARCH_MATCH, null))
				.orElseThrow().description()).startsWith("It's a match! A new embed");
			assertThat(blocks(templates.slack(NotificationType.GIG_PARTICIPANT_DECLINED, null, sample(NotificationType.GIG_PARTICIPANT_DECLINED, null)))
				.get(0).path("text").path("text").asString()).isEqualTo("Sorry, Platform embed: observability is full");
		});
	}

	@Test
	void thePreviewOutsideTheServiceHonoursTheSameOverrides() throws IOException {
		var preview = Templates.load(load(OVERRIDES).toProperties()).preview(NotificationType.GIG_INQUIRY, TemplateChannel.BACKSTAGE, null);

		assertThat(preview.title()).isEqualTo("Inquiry: Platform embed: observability");
	}

	@Test
	void aTemplatesDirectoryNamedInTheConfigReplacesShippedTemplates() throws IOException {
		Path templatesDir = Files.createDirectory(dir.resolve("templates"));
		Files.writeString(templatesDir.resolve("hack.member.added.backstage.description.mustache"), "Welcome aboard {{postTitle}}!\n");
		Files.writeString(templatesDir.resolve("hack.member.added.hack.slack.text.mustache"), "Welcome to {{postTitle}}");
		String yaml = "skillExchange:\n  notifications:\n    templatesDirectory: " + templatesDir + "\n";

		runner.withInitializer(new AppConfigPropertySource(load(yaml))).run(context -> {
			var templates = (MustacheTemplates) context.getBean(Templates.class);
			Map<String, Object> data = sample(NotificationType.HACK_MEMBER_ADDED, PostType.HACK);

			assertThat(templates.render(NotificationType.HACK_MEMBER_ADDED, null, data).orElseThrow().description())
				.isEqualTo("Welcome aboard Platform embed: observability!");
			assertThat(templates.slack(NotificationType.HACK_MEMBER_ADDED, PostType.HACK, data).text()).isEqualTo("Welcome to Platform embed: observability");
			assertThat(templates.slack(NotificationType.HACK_MEMBER_ADDED, null, data).text()).startsWith("You were added to the team");
		});
	}

	@Test
	void aBuilderBeanReplacesTheRenderingOfItsType() {
		runner.withBean(ShortInquiry.class).run(context -> {
			var templates = (MustacheTemplates) context.getBean(Templates.class);
			Map<String, Object> data = sample(NotificationType.GIG_INQUIRY, PostType.MENTORSHIP);
			data.put("sender", "<!channel>");

			PlainText text = templates.render(NotificationType.GIG_INQUIRY, PostType.MENTORSHIP, data).orElseThrow();
			SlackMessage slack = templates.slack(NotificationType.GIG_INQUIRY, PostType.MENTORSHIP, data);

			assertThat(text.title()).isEqualTo("Platform embed: observability");
			assertThat(text.description()).isEqualTo("<!channel> wants to join Platform embed: observability");
			assertThat(slack.text()).isEqualTo("&lt;!channel&gt; wants to join");
			assertThat(blocks(slack).get(0).path("type").asString()).isEqualTo("section");
			assertThat(templates.render(NotificationType.GIG_INQUIRY_CONFIRMATION, null, sample(NotificationType.GIG_INQUIRY_CONFIRMATION, null))
				.orElseThrow().description()).startsWith("We let Linus Torvalds");
		});
	}

	@Test
	void anInvalidTemplateStopsTheStart() throws IOException {
		String yaml = "skillExchange:\n  notifications:\n    templates:\n      test:\n        backstage:\n          title: \"{{#sender}}\"\n";

		runner.withInitializer(new AppConfigPropertySource(load(yaml))).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidTemplates.class)
				.hasMessageContaining("config skillExchange.notifications.templates[test].backstage.title, line 1:");
		});
	}

	/** The example from the interface's documentation. */
	static class ShortInquiry implements NotificationMessageBuilder {

		@Override
		public NotificationType type() {
			return NotificationType.GIG_INQUIRY;
		}

		@Override
		public PlainText backstage(Map<String, Object> data, PlainText rendered) {
			return new PlainText(rendered.title(), data.get("sender") + " wants to join " + data.get("postTitle"));
		}

		@Override
		public SlackMessage slack(Map<String, Object> data, SlackMessage rendered) {
			return new SlackMessage(NotificationMessageBuilder.escapeForSlack(data.get("sender")) + " wants to join", rendered.blocksJson());
		}
	}
}

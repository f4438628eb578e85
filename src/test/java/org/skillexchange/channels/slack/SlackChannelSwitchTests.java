package org.skillexchange.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.slack.api.Slack;
import org.junit.jupiter.api.Test;
import org.skillexchange.members.Member;
import org.skillexchange.members.MemberDirectory;
import org.skillexchange.templates.Templates;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** When the Slack channel exists at all, and why it is off. */
class SlackChannelSwitchTests {

	private static final MemberDirectory NO_MEMBERS = new MemberDirectory() {

		@Override
		public Optional<Member> find(String ref) {
			return Optional.empty();
		}

		@Override
		public List<Member> all() {
			return List.of();
		}

		@Override
		public List<String> expandGroup(String groupRef) {
			return List.of();
		}
	};

	@Configuration(proxyBeanMethods = false)
	static class OnlyWithSlack {

		@Bean
		@Conditional(SlackConfigured.class)
		String slackMarker() {
			return "slack";
		}
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(OnlyWithSlack.class);

	@Test
	void thereIsNoSlackChannelWithoutASlackSection() {
		runner.run(context -> assertThat(context).doesNotHaveBean("slackMarker"));
		runner.withPropertyValues("skill-exchange.slack.token=").run(context -> assertThat(context).hasBean("slackMarker"));
		runner.withPropertyValues("skill-exchange.slack.app-token=xapp-1").run(context -> assertThat(context).hasBean("slackMarker"));
	}

	@Test
	void aSlackSectionWithoutATokenIsOffWithTheReason() {
		var settings = new SlackSettings("", "xapp-1", null, "https://slack.com/api/", "socket", Duration.ofSeconds(10));
		var beans = new StaticListableBeanFactory();
		beans.addBean("templates", Templates.load(java.util.Map.of()));
		try (Slack slack = Slack.getInstance()) {
			var channel = new SlackChannel(settings, slack, new SlackLookupCache(JdbcClient.create(new SimpleDriverDataSource()), Clock.systemUTC()),
					new SlackRateLimiter(new LocalSlackBudget(Clock.systemUTC()), Clock.systemUTC()), beans.getBeanProvider(Templates.class),
					new MemberRecipientDirectory(NO_MEMBERS));

			assertThat(channel.status().enabled()).isFalse();
			assertThat(channel.status().detail()).contains("skillExchange.slack.token");
			assertThat(channel.probe()).hasValueSatisfying(problem -> assertThat(problem).contains("skillExchange.slack.token"));
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void settingsNeverShowTheSecrets() {
		var settings = new SlackSettings("xoxb-123456-secret", "xapp-1-secret", "signing-secret-value", "http://127.0.0.1:1/api",
				"socket", Duration.ofSeconds(10));

		assertThat(settings.toString()).doesNotContain("123456", "xapp-1-secret", "signing-secret-value").contains("xoxb-…(redacted)");
		assertThat(settings.apiUrl()).isEqualTo("http://127.0.0.1:1/api/");
	}
}

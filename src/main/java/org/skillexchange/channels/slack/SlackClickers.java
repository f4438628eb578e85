package org.skillexchange.channels.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import org.skillexchange.members.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The member behind the Slack user who clicked: the member annotated with that user id, else the
 * member with the email {@code users.info} gives (cached, so a second click costs no API call).
 */
@Component
class SlackClickers {

	private static final Logger log = LoggerFactory.getLogger(SlackClickers.class);

	private final MemberRecipientDirectory directory;

	private final SlackLookupCache cache;

	private final Slack slack;

	private final SlackSettings settings;

	SlackClickers(MemberRecipientDirectory directory, SlackLookupCache cache, Slack slack, SlackSettings settings) {
		this.directory = directory;
		this.cache = cache;
		this.slack = slack;
		this.settings = settings;
	}

	Optional<Member> member(String slackUserId) {
		Optional<Member> annotated = directory.bySlackUserId(slackUserId);
		if (annotated.isPresent()) {
			return annotated;
		}
		Optional<String> email = cache.emailOf(slackUserId).or(() -> emailFromSlack(slackUserId));
		return email.flatMap(directory::byEmail);
	}

	private Optional<String> emailFromSlack(String slackUserId) {
		try {
			var response = slack.methods(settings.token()).usersInfo(r -> r.user(slackUserId));
			if (!response.isOk()) {
				log.warn("Slack users.info for the clicking user {} failed: {}", slackUserId, response.getError());
				return Optional.empty();
			}
			String email = response.getUser().getProfile() == null ? null : response.getUser().getProfile().getEmail();
			if (email == null || email.isBlank()) {
				log.warn("Slack user {} has no email visible to the app (needs the users:read.email scope)", slackUserId);
				return Optional.empty();
			}
			cache.rememberUser(email, slackUserId);
			return Optional.of(email);
		}
		catch (IOException e) {
			throw new UncheckedIOException("no answer from Slack to users.info", e);
		}
		catch (SlackApiException e) {
			throw new IllegalStateException("Slack answered HTTP " + e.getResponse().code() + " to users.info");
		}
	}
}

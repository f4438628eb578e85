package org.skillexchange.channels.slack;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the Slack channel needs to know about a member to reach them: their email and, when the
 * catalog has it, their Slack user id ({@code slack.com/user_id} annotation). The service's is
 * {@link MemberRecipientDirectory}, over the members module.
 */
public interface SlackRecipientDirectory {

	/** The member with this user entity ref, or empty when there is none. */
	Optional<SlackRecipient> find(String userRef);

	/** A member as Slack needs them; {@code slackUserId} is the {@code slack.com/user_id} annotation. */
	record SlackRecipient(String userRef, @Nullable String email, @Nullable String slackUserId) {
	}
}

package org.skillexchange.channels.slack;

import java.util.Locale;
import java.util.Optional;

import org.skillexchange.members.Member;
import org.skillexchange.members.MemberDirectory;
import org.springframework.stereotype.Component;

/**
 * The members directory as Slack needs it: a recipient by entity ref for DMs, and the member behind a
 * Slack user who clicked a button, by their {@code slack.com/user_id} annotation or their email.
 */
@Component
class MemberRecipientDirectory implements SlackRecipientDirectory {

	private final MemberDirectory members;

	MemberRecipientDirectory(MemberDirectory members) {
		this.members = members;
	}

	@Override
	public Optional<SlackRecipient> find(String userRef) {
		return members.find(userRef).map(member -> new SlackRecipient(member.ref(), member.email(), member.slackUserId()));
	}

	Optional<Member> member(String userRef) {
		return members.find(userRef);
	}

	Optional<Member> bySlackUserId(String slackUserId) {
		return members.all().stream().filter(member -> slackUserId.equals(member.slackUserId())).findFirst();
	}

	Optional<Member> byEmail(String email) {
		String wanted = email.toLowerCase(Locale.ROOT);
		return members.all()
			.stream()
			.filter(member -> member.email() != null && member.email().toLowerCase(Locale.ROOT).equals(wanted))
			.findFirst();
	}
}

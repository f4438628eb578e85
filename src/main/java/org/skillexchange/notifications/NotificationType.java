package org.skillexchange.notifications;

import java.util.Arrays;
import java.util.Optional;

/** The catalogue. Ids are stable: they key templates, preferences and metrics. */
public enum NotificationType {

	GIG_INQUIRY("gig.inquiry", "Someone is interested in your post"),
	GIG_INQUIRY_CONFIRMATION("gig.inquiry.confirmation", "Your interest was sent to the post's contact"),
	GIG_PARTICIPANT_ADDED("gig.participant.added", "You were added as a participant"),
	GIG_PARTICIPANT_ADDED_CONFIRMATION("gig.participant.added.confirmation", "You added a participant"),
	GIG_PARTICIPANT_DECLINED("gig.participant.declined", "Your request was declined"),
	GIG_INQUIRY_REMINDER("gig.inquiry.reminder", "Weekly reminder of pending requests"),
	HACK_INQUIRY("hack.inquiry", "Someone wants to join your hack"),
	HACK_INQUIRY_CONFIRMATION("hack.inquiry.confirmation", "Your request to join a hack was sent"),
	HACK_MEMBER_ADDED("hack.member.added", "You were added to a hack"),
	SEARCH_MATCH("search.match", "A new post matches a saved search"),
	HACK_DIGEST("hack.digest", "Digest of hacks you follow"),
	/** Sent through the public send endpoint by another internal tool, with its own title and text. */
	CUSTOM("custom", "A message from another internal tool"),
	/** {@code send-test}: checks that every channel reaches a person. */
	TEST("test", "Test message from the operator");

	private final String id;

	private final String summary;

	NotificationType(String id, String summary) {
		this.id = id;
		this.summary = summary;
	}

	public String id() {
		return id;
	}

	public String summary() {
		return summary;
	}

	public static Optional<NotificationType> byId(String id) {
		return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
	}
}

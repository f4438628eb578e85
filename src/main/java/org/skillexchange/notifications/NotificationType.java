package org.skillexchange.notifications;

import java.util.Arrays;
import java.util.Optional;

/** The catalogue. Ids are stable: they key templates, preferences and metrics. */
public enum NotificationType {

	GIG_INQUIRY("gig.inquiry"),
	GIG_INQUIRY_CONFIRMATION("gig.inquiry.confirmation"),
	GIG_PARTICIPANT_ADDED("gig.participant.added"),
	GIG_PARTICIPANT_ADDED_CONFIRMATION("gig.participant.added.confirmation"),
	GIG_PARTICIPANT_DECLINED("gig.participant.declined"),
	GIG_INQUIRY_REMINDER("gig.inquiry.reminder"),
	HACK_INQUIRY("hack.inquiry"),
	HACK_INQUIRY_CONFIRMATION("hack.inquiry.confirmation"),
	HACK_MEMBER_ADDED("hack.member.added"),
	SEARCH_MATCH("search.match"),
	HACK_DIGEST("hack.digest"),
	/** Sent through the public send endpoint by another internal tool, with its own title and text. */
	CUSTOM("custom"),
	/** {@code send-test}: checks that every channel reaches a person. */
	TEST("test");

	private final String id;

	NotificationType(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	public static Optional<NotificationType> byId(String id) {
		return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
	}
}

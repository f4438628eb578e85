package org.skillexchange.notifications;

import java.util.Locale;

/** What a notification is about; templates may differ per post type. */
public enum PostType {
	EMBED, MENTORSHIP, HACK;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}
}

package org.skillexchange.gigs;

import org.skillexchange.notifications.PostType;

/** The two kinds of gig. */
public enum GigType {
	EMBED, MENTORSHIP;

	public PostType postType() {
		return this == EMBED ? PostType.EMBED : PostType.MENTORSHIP;
	}
}

package org.skillexchange.searches;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.skillexchange.gigs.GigType;

/** A user's saved search: every query must match a new post of {@code gigType} for it to count. */
public record SavedSearch(UUID id, String owner, GigType gigType, List<Query> queries, Instant createdAt) {

	public SavedSearch {
		queries = List.copyOf(queries);
	}

	/** One term and what it is compared with. */
	public record Query(String query, Category category) {
	}

	public enum Category {
		/** Words anywhere in the title, detail or description. */
		FREE_TEXT,
		SKILL, LOCATION, TEAM, LEVEL_OF_EXPERTISE, MENTORSHIP_REQUEST_TYPE
	}
}

package org.skillexchange.searches;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.skillexchange.gigs.Gig;

/** Whether a post satisfies every query of a saved search (case-insensitive). */
final class SearchMatcher {

	private SearchMatcher() {
	}

	static boolean matches(SavedSearch search, Gig gig) {
		return search.gigType() == gig.type() && search.queries().stream().allMatch(query -> matches(query, gig));
	}

	private static boolean matches(SavedSearch.Query query, Gig gig) {
		String term = lower(query.query()).strip();
		return switch (query.category()) {
			case FREE_TEXT -> Stream.of(term.split("\\s+"))
				.allMatch(word -> Stream.of(gig.title(), gig.detail(), gig.description()).filter(Objects::nonNull)
					.anyMatch(text -> lower(text).contains(word)));
			case SKILL -> gig.skills().stream().anyMatch(skill -> lower(skill).equals(term));
			case LOCATION -> lower(gig.location()).equals(term);
			case TEAM -> gig.embed() != null && lower(gig.embed().team()).equals(term);
			case LEVEL_OF_EXPERTISE -> gig.embed() != null && gig.embed().levelOfExpertise() != null
					&& lower(gig.embed().levelOfExpertise().name()).equals(term);
			case MENTORSHIP_REQUEST_TYPE -> gig.mentorship() != null
					&& lower(gig.mentorship().requestType().name()).equals(term);
		};
	}

	private static String lower(String text) {
		return text == null ? "" : text.toLowerCase(Locale.ROOT);
	}
}

package org.skillexchange.searches;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.skillexchange.gigs.GigType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's saved searches. */
@Service
public class SavedSearches {

	static final int MAX_QUERIES = 20;

	static final int MAX_QUERY_LENGTH = 200;

	private final SavedSearchRepository repository;

	private final Clock clock;

	SavedSearches(SavedSearchRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@Transactional
	public SavedSearch save(String owner, GigType gigType, List<SavedSearch.Query> queries) {
		if (queries.isEmpty() || queries.size() > MAX_QUERIES) {
			throw new InvalidSavedSearch("queries", "give 1 to " + MAX_QUERIES + " queries");
		}
		for (int i = 0; i < queries.size(); i++) {
			var query = queries.get(i);
			if (query.category() == null) {
				throw new InvalidSavedSearch("queries[" + i + "].category", "must be one of " + List.of(SavedSearch.Category.values()));
			}
			if (query.query() == null || query.query().isBlank() || query.query().length() > MAX_QUERY_LENGTH) {
				throw new InvalidSavedSearch("queries[" + i + "].query", "must be 1 to " + MAX_QUERY_LENGTH + " characters");
			}
		}
		var search = new SavedSearch(UUID.randomUUID(), owner, gigType, queries, clock.instant());
		repository.insert(search);
		return search;
	}

	@Transactional(readOnly = true)
	public List<SavedSearch> of(String owner) {
		return repository.byOwner(owner);
	}

	/** Deletes one of the owner's searches; someone else's looks the same as a missing one. */
	@Transactional
	public void delete(String owner, UUID searchId) {
		if (repository.delete(searchId, owner) == 0) {
			throw new SavedSearchNotFound(searchId);
		}
	}
}

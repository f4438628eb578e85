package org.skillexchange.searches;

import java.util.UUID;

/** No saved search with this id belongs to the user. */
public class SavedSearchNotFound extends RuntimeException {

	private final UUID searchId;

	public SavedSearchNotFound(UUID searchId) {
		super("No saved search " + searchId);
		this.searchId = searchId;
	}

	public UUID searchId() {
		return searchId;
	}
}

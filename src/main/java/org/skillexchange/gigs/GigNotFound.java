package org.skillexchange.gigs;

import java.util.UUID;

/** No gig with this id. */
public class GigNotFound extends RuntimeException {

	private final UUID gigId;

	public GigNotFound(UUID gigId) {
		super("No gig " + gigId);
		this.gigId = gigId;
	}

	public UUID gigId() {
		return gigId;
	}
}

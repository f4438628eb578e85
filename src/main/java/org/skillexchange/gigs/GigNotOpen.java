package org.skillexchange.gigs;

import java.util.UUID;

/** Interest can only be shown in an open gig. */
public class GigNotOpen extends RuntimeException {

	private final UUID gigId;

	public GigNotOpen(UUID gigId, GigStatus status) {
		super("Gig " + gigId + " is " + status + ", not open for inquiries");
		this.gigId = gigId;
	}

	public UUID gigId() {
		return gigId;
	}
}

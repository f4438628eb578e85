package org.skillexchange.gigs;

import java.util.UUID;

/** The user is neither an owner nor the contact of the gig (nor an admin, where admins may act). */
public class NotAllowedToManageGig extends RuntimeException {

	private final UUID gigId;

	private final String user;

	public NotAllowedToManageGig(UUID gigId, String user, String action) {
		super(user + " may not " + action + " of gig " + gigId + ": only its owners and contact may");
		this.gigId = gigId;
		this.user = user;
	}

	public UUID gigId() {
		return gigId;
	}

	public String user() {
		return user;
	}
}

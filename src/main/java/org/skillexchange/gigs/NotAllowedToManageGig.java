package org.skillexchange.gigs;

import java.util.UUID;

import org.skillexchange.auth.AccessDenied;

/** The user is neither an owner nor the contact of the gig (nor an admin, where admins may act). */
public class NotAllowedToManageGig extends AccessDenied {

	private final UUID gigId;

	public NotAllowedToManageGig(UUID gigId, String user, String action) {
		super(user, action + " of gig " + gigId + ": only its owners and contact may");
		this.gigId = gigId;
	}

	public UUID gigId() {
		return gigId;
	}
}

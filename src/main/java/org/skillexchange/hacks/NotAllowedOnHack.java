package org.skillexchange.hacks;

import java.util.UUID;

import org.skillexchange.auth.AccessDenied;

/** The user may not do this to the hack (only its members edit it; only a comment's author edits the comment). */
public class NotAllowedOnHack extends AccessDenied {

	private final UUID hackId;

	public NotAllowedOnHack(UUID hackId, String user, String reason) {
		super(user, "change hack " + hackId + ": " + reason);
		this.hackId = hackId;
	}

	public UUID hackId() {
		return hackId;
	}
}

package org.skillexchange.hacks;

import java.util.UUID;

/** The user may not do this to the hack (only its members edit it; only a comment's author edits the comment). */
public class NotAllowedOnHack extends RuntimeException {

	private final UUID hackId;

	private final String user;

	public NotAllowedOnHack(UUID hackId, String user, String reason) {
		super(user + " may not change hack " + hackId + ": " + reason);
		this.hackId = hackId;
		this.user = user;
	}

	public UUID hackId() {
		return hackId;
	}

	public String user() {
		return user;
	}
}

package org.skillexchange.hacks;

import java.util.UUID;

/** Only an unclaimed, suggested hack with no members can be claimed. */
public class HackNotAdoptable extends RuntimeException {

	private final UUID hackId;

	public HackNotAdoptable(UUID hackId) {
		super("Hack " + hackId + " cannot be claimed: it is not an unclaimed suggestion without members");
		this.hackId = hackId;
	}

	public UUID hackId() {
		return hackId;
	}
}

package org.skillexchange.hacks;

import java.util.UUID;

/** No hack with this id. */
public class HackNotFound extends RuntimeException {

	private final UUID hackId;

	public HackNotFound(UUID hackId) {
		super("No hack " + hackId);
		this.hackId = hackId;
	}

	public UUID hackId() {
		return hackId;
	}
}

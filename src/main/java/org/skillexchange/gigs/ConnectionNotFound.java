package org.skillexchange.gigs;

import java.util.UUID;

/** No connection with this id. */
public class ConnectionNotFound extends RuntimeException {

	private final UUID connectionId;

	public ConnectionNotFound(UUID connectionId) {
		super("No connection " + connectionId);
		this.connectionId = connectionId;
	}

	public UUID connectionId() {
		return connectionId;
	}
}

package org.skillexchange.gigs;

import java.util.UUID;

/** What happened to gigs, published after each change for other modules to react to. */
public final class GigEvents {

	private GigEvents() {
	}

	public record GigPosted(UUID gigId, GigType type, String by) {
	}

	public record ConnectionRequested(UUID connectionId, UUID gigId, String user) {
	}

	public record ConnectionStatusChanged(UUID connectionId, UUID gigId, String user, ConnectionStatus status, String by) {
	}
}

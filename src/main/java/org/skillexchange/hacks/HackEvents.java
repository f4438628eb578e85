package org.skillexchange.hacks;

import java.util.List;
import java.util.UUID;

/** What happened to hacks, published after each change for other modules to react to. */
public final class HackEvents {

	private HackEvents() {
	}

	public record HackCreated(UUID hackId, String by) {
	}

	public record HackUpdated(UUID hackId, String by, List<String> newMembers) {
	}

	public record HackCommented(UUID hackId, UUID commentId, String by) {
	}
}

package org.skillexchange.gigs;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One user's interest in one gig, and what the post side did about it. */
public record Connection(UUID id, UUID gigId, String user, ConnectionStatus status, @Nullable String message,
		boolean remindersStopped, Instant createdAt, Instant updatedAt) {
}

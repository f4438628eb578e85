package org.skillexchange.hacks;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A comment on a hack, possibly a reply to another. */
public record HackComment(UUID id, UUID hackId, String author, String message, @Nullable UUID replyingTo, boolean edited,
		Instant createdAt, Instant updatedAt) {
}

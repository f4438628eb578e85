package org.skillexchange.slacksim;

import org.jspecify.annotations.Nullable;

/** A message the app posted: its channel and ts, text, blocks and metadata as JSON strings. */
public record SimulatedMessage(String channel, String ts, String text, @Nullable String blocksJson,
		@Nullable String metadataJson) {
}

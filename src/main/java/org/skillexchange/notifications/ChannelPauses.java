package org.skillexchange.notifications;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Channels paused by a channel-wide error, shared by every instance through the database. */
@Repository
class ChannelPauses {

	record Pause(String channel, String reason, Instant pausedAt, Instant nextProbeAt) {
	}

	private final JdbcClient jdbc;

	ChannelPauses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Pause> all() {
		return jdbc.sql("select channel, reason, paused_at, next_probe_at from channel_pause order by channel")
			.query((rs, i) -> new Pause(rs.getString("channel"), rs.getString("reason"),
					rs.getObject("paused_at", OffsetDateTime.class).toInstant(),
					rs.getObject("next_probe_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	List<String> pausedChannels() {
		return jdbc.sql("select channel from channel_pause").query(String.class).list();
	}

	Optional<Pause> find(String channel) {
		return all().stream().filter(pause -> pause.channel().equals(channel)).findFirst();
	}

	/** Pauses the channel, or refreshes the reason of an existing pause. */
	void pause(String channel, String reason, Instant now, Instant nextProbeAt) {
		int updated = jdbc.sql("update channel_pause set reason = :reason, next_probe_at = :next where channel = :channel")
			.param("reason", reason)
			.param("next", Timestamps.utc(nextProbeAt))
			.param("channel", channel)
			.update();
		if (updated == 0) {
			try {
				jdbc.sql("insert into channel_pause (channel, reason, paused_at, next_probe_at) values (:channel, :reason, :now, :next)")
					.param("channel", channel)
					.param("reason", reason)
					.param("now", Timestamps.utc(now))
					.param("next", Timestamps.utc(nextProbeAt))
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException alreadyPausedByAnotherInstance) {
				// Another instance paused it at the same moment; its row says the same.
			}
		}
	}

	void resume(String channel) {
		jdbc.sql("delete from channel_pause where channel = :channel").param("channel", channel).update();
	}
}

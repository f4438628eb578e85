package org.skillexchange.channels.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Email to Slack user id, user id to DM channel, and posts awaiting an answer, in the database so
 * every instance shares them and they survive restarts.
 */
@Component
class SlackLookupCache {

	static final Duration USER_TTL = Duration.ofDays(7);

	static final Duration NOT_FOUND_TTL = Duration.ofHours(1);

	static final Duration DM_TTL = Duration.ofDays(30);

	/** A cached email lookup: a user id, or Slack's {@code users_not_found} when {@code userId} is null. */
	record CachedUser(@Nullable String userId) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	SlackLookupCache(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<CachedUser> user(String email) {
		return jdbc.sql("select user_id from slack_user_cache where email = ? and expires_at > ?")
			.params(key(email), now())
			.query((rs, row) -> new CachedUser(rs.getString(1)))
			.optional();
	}

	void rememberUser(String email, @Nullable String userId) {
		OffsetDateTime expires = at(clock.instant().plus(userId == null ? NOT_FOUND_TTL : USER_TTL));
		upsert("update slack_user_cache set user_id = ?, expires_at = ? where email = ?",
				"insert into slack_user_cache (user_id, expires_at, email) values (?, ?, ?)", userId, expires, key(email));
	}

	/** The email a Slack user id was last seen with, either way round (DM lookups or button clicks). */
	Optional<String> emailOf(String userId) {
		return jdbc.sql("select email from slack_user_cache where user_id = ? and expires_at > ?")
			.params(userId, now())
			.query(String.class)
			.list()
			.stream()
			.findFirst();
	}

	Optional<String> dm(String userId) {
		return jdbc.sql("select channel_id from slack_dm_cache where user_id = ? and expires_at > ?")
			.params(userId, now())
			.query(String.class)
			.optional();
	}

	void rememberDm(String userId, String channelId) {
		upsert("update slack_dm_cache set channel_id = ?, expires_at = ? where user_id = ?",
				"insert into slack_dm_cache (channel_id, expires_at, user_id) values (?, ?, ?)", channelId,
				at(clock.instant().plus(DM_TTL)), userId);
	}

	void forgetDm(String channelId) {
		jdbc.sql("delete from slack_dm_cache where channel_id = ?").param(channelId).update();
	}

	/** When a post of this delivery was last sent without a clear answer. */
	Optional<Instant> unansweredPost(UUID deliveryId) {
		return jdbc.sql("select started_at from slack_post_attempt where delivery_id = ?")
			.param(deliveryId)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	/** Keeps the first unanswered post's time, so the history search reaches back to the earliest one. */
	void postStarted(UUID deliveryId, String channelId) {
		if (unansweredPost(deliveryId).isPresent()) {
			return;
		}
		try {
			jdbc.sql("insert into slack_post_attempt (channel_id, started_at, delivery_id) values (?, ?, ?)")
				.params(channelId, now(), deliveryId)
				.update();
		}
		catch (DuplicateKeyException e) {
			// Another attempt of the same delivery recorded its start first; its time is the earlier one.
		}
	}

	void postSettled(UUID deliveryId) {
		jdbc.sql("delete from slack_post_attempt where delivery_id = ?").param(deliveryId).update();
	}

	/** Update, else insert; H2 has no portable upsert, and a concurrent insert of the same key is as good as ours. */
	private void upsert(String update, String insert, @Nullable Object value, Object expires, Object key) {
		if (jdbc.sql(update).params(value, expires, key).update() == 0) {
			try {
				jdbc.sql(insert).params(value, expires, key).update();
			}
			catch (DuplicateKeyException e) {
				// Another instance cached the same lookup first.
			}
		}
	}

	private OffsetDateTime now() {
		return at(clock.instant());
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String key(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}
}

package org.skillexchange.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.spi.NotificationContent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The outbox tables: notifications, inbox entries and deliveries. All SQL runs on H2 and PostgreSQL alike. */
@Repository
class OutboxStore {

	private static final int MAX_ERROR_LENGTH = 2000;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final JsonMapper json;

	OutboxStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
	}

	void insertNotification(NotificationContent n) {
		jdbc.sql("""
				insert into notification (id, type, post_type, actor, origin, title, description, link, severity, topic,
				  scope, data, created_at)
				values (:id, :type, :postType, :actor, :origin, :title, :description, :link, :severity, :topic, :scope,
				  :data, :createdAt)""")
			.param("id", n.id())
			.param("type", n.type().id())
			.param("postType", n.postType() == null ? null : n.postType().name())
			.param("actor", n.actor())
			.param("origin", n.origin())
			.param("title", n.title())
			.param("description", n.description())
			.param("link", n.link())
			.param("severity", n.severity().name())
			.param("topic", n.topic())
			.param("scope", n.scope())
			.param("data", json.writeValueAsString(n.data()))
			.param("createdAt", Timestamps.utc(n.createdAt()))
			.update();
	}

	void insertInboxEntries(UUID notificationId, List<String> recipients, Instant now) {
		batch.batchUpdate("insert into inbox_entry (notification_id, recipient, saved, created_at) values (:id, :recipient, false, :now)",
				recipients.stream()
					.map(recipient -> new MapSqlParameterSource().addValue("id", notificationId)
						.addValue("recipient", recipient)
						.addValue("now", Timestamps.utc(now)))
					.toArray(SqlParameterSource[]::new));
	}

	record NewDelivery(String recipient, String channel, DeliveryStatus status, @Nullable String reason) {
	}

	void insertDeliveries(UUID notificationId, List<NewDelivery> deliveries, Instant now) {
		batch.batchUpdate("""
				insert into delivery (id, notification_id, recipient, channel, status, attempts, next_attempt_at, last_error,
				  version, created_at, completed_at)
				values (:id, :notificationId, :recipient, :channel, :status, 0, :now, :reason, 0, :now, :completedAt)""",
				deliveries.stream()
					.map(d -> new MapSqlParameterSource().addValue("id", UUID.randomUUID())
						.addValue("notificationId", notificationId)
						.addValue("recipient", d.recipient())
						.addValue("channel", d.channel())
						.addValue("status", d.status().name())
						.addValue("reason", d.reason())
						.addValue("now", Timestamps.utc(now))
						.addValue("completedAt", d.status() == DeliveryStatus.PENDING ? null : Timestamps.utc(now)))
					.toArray(SqlParameterSource[]::new));
	}

	/**
	 * Claims due deliveries in one short transaction: pending rows whose time has come, and rows whose
	 * claimant stopped heartbeating. SKIP LOCKED lets every instance claim at once without waiting.
	 */
	@Transactional
	List<ClaimedDelivery> claimDue(String owner, Instant now, Instant leaseUntil, int limit, Collection<String> pausedChannels) {
		String pausedFilter = pausedChannels.isEmpty() ? "" : " and channel not in (:paused)";
		var select = jdbc.sql("""
				select id from delivery
				where ((status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and lease_until < :now))"""
				+ pausedFilter + " order by next_attempt_at limit :limit for update skip locked")
			.param("now", Timestamps.utc(now))
			.param("limit", limit);
		if (!pausedChannels.isEmpty()) {
			select.param("paused", pausedChannels);
		}
		List<UUID> ids = select.query(UUID.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		jdbc.sql("""
				update delivery set status = 'SENDING', lease_owner = :owner, lease_until = :leaseUntil, version = version + 1
				where id in (:ids)""")
			.param("owner", owner)
			.param("leaseUntil", Timestamps.utc(leaseUntil))
			.param("ids", ids)
			.update();
		return jdbc.sql("""
				select id, notification_id, recipient, channel, attempts, version, created_at from delivery
				where id in (:ids) and lease_owner = :owner""")
			.param("ids", ids)
			.param("owner", owner)
			.query((rs, i) -> new ClaimedDelivery(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
					rs.getString("recipient"), rs.getString("channel"), rs.getInt("attempts"), rs.getInt("version"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Extends this owner's leases on the given rows; a row another instance took over has another owner. */
	int heartbeat(String owner, Collection<UUID> ids, Instant leaseUntil) {
		return jdbc.sql("update delivery set lease_until = :leaseUntil where lease_owner = :owner and status = 'SENDING' and id in (:ids)")
			.param("leaseUntil", Timestamps.utc(leaseUntil))
			.param("owner", owner)
			.param("ids", ids)
			.update();
	}

	/** Ends the deliveries that have waited on a paused channel since before {@code createdBefore}. */
	int failWaiting(String channel, Instant createdBefore, String reason, Instant now) {
		return jdbc.sql("""
				update delivery set status = 'FAILED', last_error = :reason, completed_at = :now
				where channel = :channel and status = 'PENDING' and created_at < :createdBefore""")
			.param("reason", truncate(reason))
			.param("now", Timestamps.utc(now))
			.param("channel", channel)
			.param("createdBefore", Timestamps.utc(createdBefore))
			.update();
	}

	/** Writes a final status; false when the claim was lost to another instance meanwhile. */
	boolean finish(ClaimedDelivery claim, DeliveryStatus status, int attempts, @Nullable String reason,
			@Nullable String reference, Instant now) {
		return jdbc.sql("""
				update delivery set status = :status, attempts = :attempts, last_error = :reason, reference = :reference,
				  completed_at = :now, lease_owner = null, lease_until = null
				where id = :id and version = :version and status = 'SENDING'""")
			.param("status", status.name())
			.param("attempts", attempts)
			.param("reason", truncate(reason))
			.param("reference", reference)
			.param("now", Timestamps.utc(now))
			.param("id", claim.id())
			.param("version", claim.version())
			.update() == 1;
	}

	/** Puts a claimed delivery back to pending for a later attempt. */
	boolean reschedule(ClaimedDelivery claim, int attempts, Instant nextAttemptAt, @Nullable String reason) {
		return jdbc.sql("""
				update delivery set status = 'PENDING', attempts = :attempts, next_attempt_at = :next, last_error = :reason,
				  lease_owner = null, lease_until = null
				where id = :id and version = :version and status = 'SENDING'""")
			.param("attempts", attempts)
			.param("next", Timestamps.utc(nextAttemptAt))
			.param("reason", truncate(reason))
			.param("id", claim.id())
			.param("version", claim.version())
			.update() == 1;
	}

	Optional<NotificationContent> findContent(UUID notificationId) {
		return jdbc.sql("select * from notification where id = :id")
			.param("id", notificationId)
			.query(this::content)
			.optional();
	}

	List<DeliveryView> deliveriesOf(UUID notificationId) {
		return jdbc.sql("select * from delivery where notification_id = :id order by channel, recipient")
			.param("id", notificationId)
			.query(OutboxStore::deliveryView)
			.list();
	}

	long countQueued() {
		return jdbc.sql("select count(*) from delivery where status in ('PENDING', 'SENDING')").query(Long.class).single();
	}

	Optional<Instant> oldestDue(Instant now) {
		return jdbc.sql("select min(next_attempt_at) from delivery where status = 'PENDING' and next_attempt_at <= :now")
			.param("now", Timestamps.utc(now))
			.query((rs, i) -> Optional.ofNullable(Timestamps.instant(rs.getObject(1, OffsetDateTime.class))))
			.single();
	}

	NotificationContent content(ResultSet rs, int row) throws SQLException {
		String postType = rs.getString("post_type");
		return new NotificationContent(rs.getObject("id", UUID.class),
				NotificationType.byId(rs.getString("type")).orElse(NotificationType.CUSTOM),
				postType == null ? null : PostType.valueOf(postType), rs.getString("actor"), rs.getString("title"),
				rs.getString("description"), rs.getString("link"), Severity.valueOf(rs.getString("severity")),
				rs.getString("topic"), rs.getString("scope"),
				json.readValue(rs.getString("data"), new TypeReference<Map<String, Object>>() {
				}), rs.getString("origin"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	static DeliveryView deliveryView(ResultSet rs, int row) throws SQLException {
		DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
		return new DeliveryView(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
				rs.getString("recipient"), rs.getString("channel"), status, rs.getInt("attempts"), rs.getString("last_error"),
				status == DeliveryStatus.PENDING ? Timestamps.instant(rs.getObject("next_attempt_at", OffsetDateTime.class)) : null,
				rs.getString("reference"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				Timestamps.instant(rs.getObject("completed_at", OffsetDateTime.class)));
	}

	private static @Nullable String truncate(@Nullable String reason) {
		return reason == null || reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH - 1) + "…";
	}
}

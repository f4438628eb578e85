package org.skillexchange.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The per-recipient inbox: every notification, read or not, saved or not. */
@Repository
class InboxStore {

	record Filter(@Nullable Boolean read, @Nullable Boolean saved, @Nullable String type) {
	}

	record Entry(UUID id, String type, @Nullable String postType, String title, @Nullable String description,
			@Nullable String link, String severity, String topic, String origin, Instant created, @Nullable Instant read,
			boolean saved) {
	}

	private static final String FROM = " from inbox_entry e join notification n on n.id = e.notification_id where e.recipient = :recipient";

	private final JdbcClient jdbc;

	InboxStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Entry> list(String recipient, Filter filter, int offset, int limit) {
		return bind(jdbc.sql("select n.*, e.read_at, e.saved" + FROM + conditions(filter)
				+ " order by e.created_at desc, n.id limit :limit offset :offset"), recipient, filter)
			.param("limit", limit)
			.param("offset", offset)
			.query(InboxStore::entry)
			.list();
	}

	List<Entry> entries(String recipient, Collection<UUID> ids) {
		return jdbc.sql("select n.*, e.read_at, e.saved" + FROM + " and n.id in (:ids) order by e.created_at desc, n.id")
			.param("recipient", recipient)
			.param("ids", ids)
			.query(InboxStore::entry)
			.list();
	}

	boolean wasSentBy(String origin, UUID notificationId) {
		return jdbc.sql("select count(*) from notification where id = :id and origin = :origin")
			.param("id", notificationId)
			.param("origin", origin)
			.query(Long.class)
			.single() > 0;
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("post_type"), rs.getString("title"),
				rs.getString("description"), rs.getString("link"), rs.getString("severity"), rs.getString("topic"),
				rs.getString("origin"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				Timestamps.instant(rs.getObject("read_at", OffsetDateTime.class)), rs.getBoolean("saved"));
	}

	long count(String recipient, Filter filter) {
		return bind(jdbc.sql("select count(*)" + FROM + conditions(filter)), recipient, filter).query(Long.class).single();
	}

	@Transactional
	void update(String recipient, Collection<UUID> ids, @Nullable Boolean read, @Nullable Boolean saved, Instant now) {
		if (read != null) {
			jdbc.sql("update inbox_entry set read_at = :readAt where recipient = :recipient and notification_id in (:ids)")
				.param("readAt", read ? Timestamps.utc(now) : null)
				.param("recipient", recipient)
				.param("ids", ids)
				.update();
		}
		if (saved != null) {
			jdbc.sql("update inbox_entry set saved = :saved where recipient = :recipient and notification_id in (:ids)")
				.param("saved", saved)
				.param("recipient", recipient)
				.param("ids", ids)
				.update();
		}
	}

	boolean isRecipient(String recipient, UUID notificationId) {
		return jdbc.sql("select count(*) from inbox_entry where recipient = :recipient and notification_id = :id")
			.param("recipient", recipient)
			.param("id", notificationId)
			.query(Long.class)
			.single() > 0;
	}

	private static String conditions(Filter filter) {
		return (filter.read() == null ? "" : filter.read() ? " and e.read_at is not null" : " and e.read_at is null")
				+ (filter.saved() == null ? "" : " and e.saved = :saved") + (filter.type() == null ? "" : " and n.type = :type");
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String recipient, Filter filter) {
		spec = spec.param("recipient", recipient);
		if (filter.saved() != null) {
			spec = spec.param("saved", filter.saved());
		}
		if (filter.type() != null) {
			spec = spec.param("type", filter.type());
		}
		return spec;
	}
}

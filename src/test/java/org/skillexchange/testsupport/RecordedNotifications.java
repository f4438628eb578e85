package org.skillexchange.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads what the outbox holds (notification + inbox_entry rows), for asserting exact notifications. */
public final class RecordedNotifications {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One recorded notification and who got it in their inbox. */
	public record Recorded(UUID id, String type, List<String> recipients, String actor, String title, String link,
			Map<String, Object> data) {

		/** The part tests usually compare: type and recipients. */
		public String summary() {
			return type + " -> " + String.join(",", recipients);
		}
	}

	private final JdbcClient jdbc;

	public RecordedNotifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Recorded> all() {
		return jdbc.sql("select id, type, actor, title, link, data from notification order by created_at, type")
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new Recorded(id, rs.getString("type"), recipients(id), rs.getString("actor"), rs.getString("title"),
						rs.getString("link"), JSON.readValue(rs.getString("data"), new TypeReference<Map<String, Object>>() {
						}));
			})
			.list();
	}

	public List<String> summaries() {
		return all().stream().map(Recorded::summary).toList();
	}

	public Recorded only(String type) {
		List<Recorded> matching = all().stream().filter(r -> r.type().equals(type)).toList();
		if (matching.size() != 1) {
			throw new AssertionError("expected one " + type + " notification, found " + matching.size() + ": " + summaries());
		}
		return matching.get(0);
	}

	/** Empties the domain and outbox tables between tests. */
	public void clearAll() {
		for (String table : List.of("delivery", "inbox_entry", "notification", "gig_connection", "gig_owner", "gig",
				"hack_activity", "hack_comment", "hack_follower", "hack_member", "hack", "saved_search", "scheduled_job")) {
			jdbc.sql("delete from " + table).update();
		}
	}

	/** Forgets notifications recorded so far (setting up a scene), keeping the domain rows. */
	public void clearNotifications() {
		for (String table : List.of("delivery", "inbox_entry", "notification")) {
			jdbc.sql("delete from " + table).update();
		}
	}

	private List<String> recipients(UUID id) {
		return jdbc.sql("select recipient from inbox_entry where notification_id = ? order by recipient").param(id).query(String.class).list();
	}
}

package org.skillexchange.notifications;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Opt-outs per user × channel × type. A missing row means on. */
@Repository
class Preferences {

	record Preference(String channel, String type, boolean enabled) {
	}

	private final JdbcClient jdbc;

	Preferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean allows(String recipient, String channel, NotificationType type) {
		return jdbc.sql("select enabled from preference where recipient = :recipient and channel = :channel and type = :type")
			.param("recipient", recipient)
			.param("channel", channel)
			.param("type", type.id())
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	/** Everyone who turned this type off, as "recipient channel" keys; opt-outs are few, so one query serves a fan-out. */
	Set<String> optOuts(NotificationType type) {
		return new HashSet<>(jdbc.sql("select recipient, channel from preference where type = :type and enabled = false")
			.param("type", type.id())
			.query((rs, i) -> rs.getString("recipient") + " " + rs.getString("channel"))
			.list());
	}

	List<Preference> of(String recipient) {
		return jdbc.sql("select channel, type, enabled from preference where recipient = :recipient order by channel, type")
			.param("recipient", recipient)
			.query((rs, i) -> new Preference(rs.getString("channel"), rs.getString("type"), rs.getBoolean("enabled")))
			.list();
	}

	@Transactional
	void save(String recipient, List<Preference> preferences) {
		for (Preference preference : preferences) {
			jdbc.sql("delete from preference where recipient = :recipient and channel = :channel and type = :type")
				.param("recipient", recipient)
				.param("channel", preference.channel())
				.param("type", preference.type())
				.update();
			jdbc.sql("insert into preference (recipient, channel, type, enabled) values (:recipient, :channel, :type, :enabled)")
				.param("recipient", recipient)
				.param("channel", preference.channel())
				.param("type", preference.type())
				.param("enabled", preference.enabled())
				.update();
		}
	}
}

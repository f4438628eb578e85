package org.skillexchange.hacks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hacks, members, followers, comments and activity in SQL that runs the same on H2 and PostgreSQL. */
@Repository
class HackRepository {

	enum ActivityKind {
		UPDATE, COMMENT
	}

	/** One change to a hack: who and what kind, for the digest. */
	record Activity(UUID hackId, String actor, ActivityKind kind) {
	}

	private final JdbcClient jdbc;

	HackRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Hack hack) {
		jdbc.sql("""
				insert into hack (id, name, status, pitch, description, point_of_contact, suggested_by, tags, skills,
				  team_location, communication_channel, repository_urls, recruiting_headline, created_by, created_at,
				  updated_by, updated_at)
				values (:id, :name, :status, :pitch, :description, :pointOfContact, :suggestedBy, :tags, :skills,
				  :teamLocation, :communicationChannel, :repositoryUrls, :recruitingHeadline, :createdBy, :createdAt,
				  :updatedBy, :updatedAt)""")
			.params(columns(hack))
			.update();
		replaceMembers(hack.id(), hack.members());
	}

	void update(Hack hack) {
		jdbc.sql("""
				update hack set name = :name, status = :status, pitch = :pitch, description = :description,
				  point_of_contact = :pointOfContact, suggested_by = :suggestedBy, tags = :tags, skills = :skills,
				  team_location = :teamLocation, communication_channel = :communicationChannel,
				  repository_urls = :repositoryUrls, recruiting_headline = :recruitingHeadline, updated_by = :updatedBy,
				  updated_at = :updatedAt
				where id = :id""")
			.params(columns(hack))
			.update();
		replaceMembers(hack.id(), hack.members());
	}

	void delete(UUID id) {
		for (String table : List.of("hack_activity", "hack_comment", "hack_follower", "hack_member")) {
			jdbc.sql("delete from " + table + " where hack_id = ?").param(id).update();
		}
		jdbc.sql("delete from hack where id = ?").param(id).update();
	}

	Optional<Hack> find(UUID id) {
		return jdbc.sql("select * from hack where id = ?").param(id).query(this::hack).optional();
	}

	/** The hack, its row locked until the transaction ends so concurrent edits queue up. */
	Optional<Hack> findForUpdate(UUID id) {
		return jdbc.sql("select * from hack where id = ? for update").param(id).query(this::hack).optional();
	}

	List<Hack> page(@Nullable HackStatus status, int page, int size) {
		return jdbc.sql("""
				select * from hack where (cast(:status as varchar(24)) is null or status = :status)
				order by created_at desc, id limit :limit offset :offset""")
			.param("status", status == null ? null : status.name())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::hack)
			.list();
	}

	long count(@Nullable HackStatus status) {
		return jdbc.sql("select count(*) from hack where (cast(:status as varchar(24)) is null or status = :status)")
			.param("status", status == null ? null : status.name())
			.query(Long.class)
			.single();
	}

	void follow(UUID hackId, String user) {
		if (!followers(hackId).contains(user)) {
			jdbc.sql("insert into hack_follower (hack_id, user_ref) values (?, ?)").params(hackId, user).update();
		}
	}

	void unfollow(UUID hackId, String user) {
		jdbc.sql("delete from hack_follower where hack_id = ? and user_ref = ?").params(hackId, user).update();
	}

	List<String> followers(UUID hackId) {
		return jdbc.sql("select user_ref from hack_follower where hack_id = ? order by user_ref").param(hackId).query(String.class).list();
	}

	void insert(HackComment comment) {
		jdbc.sql("""
				insert into hack_comment (id, hack_id, author, message, replying_to, edited, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(comment.id(), comment.hackId(), comment.author(), comment.message(), comment.replyingTo(), comment.edited(),
					at(comment.createdAt()), at(comment.updatedAt()))
			.update();
	}

	void update(HackComment comment) {
		jdbc.sql("update hack_comment set message = ?, edited = ?, updated_at = ? where id = ?")
			.params(comment.message(), comment.edited(), at(comment.updatedAt()), comment.id())
			.update();
	}

	Optional<HackComment> findComment(UUID id) {
		return jdbc.sql("select * from hack_comment where id = ?").param(id).query(HackRepository::comment).optional();
	}

	List<HackComment> comments(UUID hackId) {
		return jdbc.sql("select * from hack_comment where hack_id = ? order by created_at, id")
			.param(hackId)
			.query(HackRepository::comment)
			.list();
	}

	void recordActivity(UUID hackId, String actor, ActivityKind kind, Instant at) {
		jdbc.sql("insert into hack_activity (id, hack_id, actor, kind, at) values (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), hackId, actor, kind.name(), at(at))
			.update();
	}

	/** Activity in {@code (since, until]}, oldest first. */
	List<Activity> activityBetween(Instant since, Instant until) {
		return jdbc.sql("select hack_id, actor, kind from hack_activity where at > ? and at <= ? order by at, id")
			.params(at(since), at(until))
			.query((rs, n) -> new Activity(rs.getObject("hack_id", UUID.class), rs.getString("actor"),
					ActivityKind.valueOf(rs.getString("kind"))))
			.list();
	}

	private void replaceMembers(UUID hackId, List<String> members) {
		jdbc.sql("delete from hack_member where hack_id = ?").param(hackId).update();
		for (String member : members) {
			jdbc.sql("insert into hack_member (hack_id, user_ref) values (?, ?)").params(hackId, member).update();
		}
	}

	private Hack hack(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<String> members = jdbc.sql("select user_ref from hack_member where hack_id = ? order by user_ref")
			.param(id)
			.query(String.class)
			.list();
		return new Hack(id, rs.getString("name"), HackStatus.valueOf(rs.getString("status")), rs.getString("pitch"),
				rs.getString("description"), members, rs.getString("point_of_contact"), followers(id),
				rs.getString("suggested_by"), Json.strings(rs.getString("tags")), Json.strings(rs.getString("skills")),
				rs.getString("team_location"), rs.getString("communication_channel"),
				Json.links(rs.getString("repository_urls")), rs.getString("recruiting_headline"), rs.getString("created_by"),
				instant(rs, "created_at"), rs.getString("updated_by"), instant(rs, "updated_at"));
	}

	private static HackComment comment(ResultSet rs, int row) throws SQLException {
		return new HackComment(rs.getObject("id", UUID.class), rs.getObject("hack_id", UUID.class), rs.getString("author"),
				rs.getString("message"), rs.getObject("replying_to", UUID.class), rs.getBoolean("edited"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Map<String, Object> columns(Hack hack) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("id", hack.id());
		columns.put("name", hack.name());
		columns.put("status", hack.status().name());
		columns.put("pitch", hack.pitch());
		columns.put("description", hack.description());
		columns.put("pointOfContact", hack.pointOfContact());
		columns.put("suggestedBy", hack.suggestedBy());
		columns.put("tags", Json.write(hack.tags()));
		columns.put("skills", Json.write(hack.skills()));
		columns.put("teamLocation", hack.teamLocation());
		columns.put("communicationChannel", hack.communicationChannel());
		columns.put("repositoryUrls", Json.write(hack.repositoryUrls()));
		columns.put("recruitingHeadline", hack.recruitingHeadline());
		columns.put("createdBy", hack.createdBy());
		columns.put("createdAt", at(hack.createdAt()));
		columns.put("updatedBy", hack.updatedBy());
		columns.put("updatedAt", at(hack.updatedAt()));
		return columns;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}
}

package org.skillexchange.gigs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Gigs, owners and connections in SQL that runs the same on H2 and PostgreSQL. */
@Repository
class GigRepository {

	private final JdbcClient jdbc;

	GigRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Gig gig) {
		jdbc.sql("""
				insert into gig (id, type, status, title, detail, description, skills, location, resources, contact,
				  level_of_expertise, start_date, start_date_flexible, duration_amount, duration_unit, duration_flexible,
				  team, priority_label, meet_type, mentorship_request_type, created_by, created_at, updated_by, updated_at)
				values (:id, :type, :status, :title, :detail, :description, :skills, :location, :resources, :contact,
				  :level, :startDate, :startFlexible, :durationAmount, :durationUnit, :durationFlexible,
				  :team, :priorityLabel, :meetType, :requestType, :createdBy, :createdAt, :updatedBy, :updatedAt)""")
			.params(columns(gig))
			.update();
		replaceOwners(gig.id(), gig.owners());
	}

	void update(Gig gig) {
		jdbc.sql("""
				update gig set type = :type, status = :status, title = :title, detail = :detail, description = :description,
				  skills = :skills, location = :location, resources = :resources, contact = :contact,
				  level_of_expertise = :level, start_date = :startDate, start_date_flexible = :startFlexible,
				  duration_amount = :durationAmount, duration_unit = :durationUnit, duration_flexible = :durationFlexible,
				  team = :team, priority_label = :priorityLabel, meet_type = :meetType,
				  mentorship_request_type = :requestType, updated_by = :updatedBy, updated_at = :updatedAt
				where id = :id""")
			.params(columns(gig))
			.update();
		replaceOwners(gig.id(), gig.owners());
	}

	void delete(UUID id) {
		jdbc.sql("delete from gig_connection where gig_id = ?").param(id).update();
		jdbc.sql("delete from gig_owner where gig_id = ?").param(id).update();
		jdbc.sql("delete from gig where id = ?").param(id).update();
	}

	/** The gig, its row locked until the transaction ends so concurrent changes to it queue up. */
	Optional<Gig> findForUpdate(UUID id) {
		return jdbc.sql("select * from gig where id = ? for update").param(id).query(this::gigWithoutOwners).optional()
			.map(this::withOwners);
	}

	Optional<Gig> find(UUID id) {
		return jdbc.sql("select * from gig where id = ?").param(id).query(this::gigWithoutOwners).optional().map(this::withOwners);
	}

	List<Gig> page(@Nullable GigType type, @Nullable GigStatus status, int page, int size) {
		return jdbc.sql("""
				select * from gig where (cast(:type as varchar(16)) is null or type = :type)
				  and (cast(:status as varchar(16)) is null or status = :status)
				order by created_at desc, id limit :limit offset :offset""")
			.param("type", type == null ? null : type.name())
			.param("status", status == null ? null : status.name())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::gigWithoutOwners)
			.list()
			.stream()
			.map(this::withOwners)
			.toList();
	}

	long count(@Nullable GigType type, @Nullable GigStatus status) {
		return jdbc.sql("""
				select count(*) from gig where (cast(:type as varchar(16)) is null or type = :type)
				  and (cast(:status as varchar(16)) is null or status = :status)""")
			.param("type", type == null ? null : type.name())
			.param("status", status == null ? null : status.name())
			.query(Long.class)
			.single();
	}

	/** Gigs created in {@code (since, until]}, oldest first. */
	List<Gig> createdBetween(Instant since, Instant until) {
		return jdbc.sql("select * from gig where created_at > ? and created_at <= ? order by created_at, id")
			.params(at(since), at(until))
			.query(this::gigWithoutOwners)
			.list()
			.stream()
			.map(this::withOwners)
			.toList();
	}

	void insert(Connection connection) {
		jdbc.sql("""
				insert into gig_connection (id, gig_id, user_ref, status, message, reminders_stopped, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(connection.id(), connection.gigId(), connection.user(), connection.status().name(), connection.message(),
					connection.remindersStopped(), at(connection.createdAt()), at(connection.updatedAt()))
			.update();
	}

	void update(Connection connection) {
		jdbc.sql("update gig_connection set status = ?, reminders_stopped = ?, updated_at = ? where id = ?")
			.params(connection.status().name(), connection.remindersStopped(), at(connection.updatedAt()), connection.id())
			.update();
	}

	Optional<Connection> findConnection(UUID id) {
		return jdbc.sql("select * from gig_connection where id = ?").param(id).query(GigRepository::connection).optional();
	}

	Optional<Connection> findConnection(UUID gigId, String user) {
		return jdbc.sql("select * from gig_connection where gig_id = ? and user_ref = ?")
			.params(gigId, user)
			.query(GigRepository::connection)
			.optional();
	}

	List<Connection> connections(UUID gigId) {
		return jdbc.sql("select * from gig_connection where gig_id = ? order by created_at, id")
			.param(gigId)
			.query(GigRepository::connection)
			.list();
	}

	/** Connections still waiting on an open gig, created before {@code createdBefore}, without reminders stopped. */
	List<Connection> pendingOnOpenGigs(Instant createdBefore) {
		return jdbc.sql("""
				select c.* from gig_connection c join gig g on g.id = c.gig_id
				where c.status = 'CONNECTED' and g.status = 'OPEN' and c.reminders_stopped = false and c.created_at < ?
				order by c.created_at, c.id""")
			.param(at(createdBefore))
			.query(GigRepository::connection)
			.list();
	}

	private void replaceOwners(UUID gigId, List<String> owners) {
		jdbc.sql("delete from gig_owner where gig_id = ?").param(gigId).update();
		for (String owner : owners) {
			jdbc.sql("insert into gig_owner (gig_id, user_ref) values (?, ?)").params(gigId, owner).update();
		}
	}

	private Gig withOwners(Gig gig) {
		List<String> owners = jdbc.sql("select user_ref from gig_owner where gig_id = ? order by user_ref")
			.param(gig.id())
			.query(String.class)
			.list();
		return new Gig(gig.id(), gig.type(), gig.status(), gig.title(), gig.detail(), gig.description(), gig.skills(),
				gig.location(), gig.resources(), gig.contact(), owners, gig.embed(), gig.mentorship(), gig.createdBy(),
				gig.createdAt(), gig.updatedBy(), gig.updatedAt());
	}

	private static Map<String, Object> columns(Gig gig) {
		Map<String, Object> columns = new LinkedHashMap<>();
		EmbedDetails embed = gig.embed();
		MentorshipDetails mentorship = gig.mentorship();
		columns.put("id", gig.id());
		columns.put("type", gig.type().name());
		columns.put("status", gig.status().name());
		columns.put("title", gig.title());
		columns.put("detail", gig.detail());
		columns.put("description", gig.description());
		columns.put("skills", Json.write(gig.skills()));
		columns.put("location", gig.location());
		columns.put("resources", Json.write(gig.resources()));
		columns.put("contact", gig.contact());
		columns.put("level", embed == null || embed.levelOfExpertise() == null ? null : embed.levelOfExpertise().name());
		columns.put("startDate", embed == null ? null : embed.startDate());
		columns.put("startFlexible", embed == null ? null : embed.startDateFlexible());
		columns.put("durationAmount", embed == null || embed.duration() == null ? null : embed.duration().amount());
		columns.put("durationUnit", embed == null || embed.duration() == null ? null : embed.duration().unit().name());
		columns.put("durationFlexible", embed == null ? null : embed.durationFlexible());
		columns.put("team", embed == null ? null : embed.team());
		columns.put("priorityLabel", embed == null ? null : embed.priorityLabel());
		columns.put("meetType", mentorship == null ? null : mentorship.meetType().name());
		columns.put("requestType", mentorship == null ? null : mentorship.requestType().name());
		columns.put("createdBy", gig.createdBy());
		columns.put("createdAt", at(gig.createdAt()));
		columns.put("updatedBy", gig.updatedBy());
		columns.put("updatedAt", at(gig.updatedAt()));
		return columns;
	}

	private Gig gigWithoutOwners(ResultSet rs, int row) throws SQLException {
		GigType type = GigType.valueOf(rs.getString("type"));
		EmbedDetails embed = null;
		MentorshipDetails mentorship = null;
		if (type == GigType.EMBED) {
			String level = rs.getString("level_of_expertise");
			String unit = rs.getString("duration_unit");
			embed = new EmbedDetails(level == null ? null : EmbedDetails.LevelOfExpertise.valueOf(level),
					rs.getObject("start_date", LocalDate.class), rs.getBoolean("start_date_flexible"),
					unit == null ? null : new EmbedDetails.Length(rs.getInt("duration_amount"), EmbedDetails.Unit.valueOf(unit)),
					rs.getBoolean("duration_flexible"), rs.getString("team"), rs.getString("priority_label"));
		}
		else if (rs.getString("meet_type") != null) {
			mentorship = new MentorshipDetails(MentorshipDetails.MeetType.valueOf(rs.getString("meet_type")),
					MentorshipDetails.RequestType.valueOf(rs.getString("mentorship_request_type")));
		}
		return new Gig(rs.getObject("id", UUID.class), type, GigStatus.valueOf(rs.getString("status")), rs.getString("title"),
				rs.getString("detail"), rs.getString("description"), Json.strings(rs.getString("skills")),
				rs.getString("location"), Json.resources(rs.getString("resources")), rs.getString("contact"), new ArrayList<>(),
				embed, mentorship, rs.getString("created_by"), instant(rs, "created_at"), rs.getString("updated_by"),
				instant(rs, "updated_at"));
	}

	private static Connection connection(ResultSet rs, int row) throws SQLException {
		return new Connection(rs.getObject("id", UUID.class), rs.getObject("gig_id", UUID.class), rs.getString("user_ref"),
				ConnectionStatus.valueOf(rs.getString("status")), rs.getString("message"), rs.getBoolean("reminders_stopped"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}
}

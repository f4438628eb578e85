package org.skillexchange.searches;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.skillexchange.gigs.GigType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Saved searches; the queries are one JSON text column, read whole. */
@Repository
class SavedSearchRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	SavedSearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(SavedSearch search) {
		jdbc.sql("insert into saved_search (id, owner, gig_type, queries, created_at) values (?, ?, ?, ?, ?)")
			.params(search.id(), search.owner(), search.gigType().name(), JSON.writeValueAsString(search.queries()),
					search.createdAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	int delete(UUID id, String owner) {
		return jdbc.sql("delete from saved_search where id = ? and owner = ?").params(id, owner).update();
	}

	Optional<SavedSearch> find(UUID id) {
		return jdbc.sql("select * from saved_search where id = ?").param(id).query(SavedSearchRepository::search).optional();
	}

	List<SavedSearch> byOwner(String owner) {
		return jdbc.sql("select * from saved_search where owner = ? order by created_at, id").param(owner)
			.query(SavedSearchRepository::search).list();
	}

	List<SavedSearch> byType(GigType type) {
		return jdbc.sql("select * from saved_search where gig_type = ? order by owner, created_at, id").param(type.name())
			.query(SavedSearchRepository::search).list();
	}

	private static SavedSearch search(ResultSet rs, int row) throws SQLException {
		return new SavedSearch(rs.getObject("id", UUID.class), rs.getString("owner"), GigType.valueOf(rs.getString("gig_type")),
				JSON.readValue(rs.getString("queries"), new TypeReference<List<SavedSearch.Query>>() {
				}), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}
}

package org.skillexchange.hacks;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Lists kept in one text column each (tags, skills, repository links); read and written whole, never queried by SQL. */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	static List<String> strings(String json) {
		return MAPPER.readValue(json, new TypeReference<List<String>>() {
		});
	}

	static List<RepositoryLink> links(String json) {
		return MAPPER.readValue(json, new TypeReference<List<RepositoryLink>>() {
		});
	}
}

package org.skillexchange.gigs;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Lists kept in one text column each (skills, resources); read and written whole, never queried by SQL. */
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

	static List<Resource> resources(String json) {
		return MAPPER.readValue(json, new TypeReference<List<Resource>>() {
		});
	}
}

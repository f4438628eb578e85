package org.skillexchange.badinput;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ids the service has handed out, by the collection they came from ({@code gigs}, {@code connections},
 * {@code comments}…: the last literal segment of the path that answered them), so that generated requests name
 * things that exist and get past "not found" to the code behind it. Filled from every 2xx answer.
 */
final class IdPools {

	private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final int KEEP = 40;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, List<String>> byCollection = new HashMap<>();

	/** An id from the collection when it has any (mostly), else from any collection, else an unknown one. */
	Arbitrary<String> pick(String collection) {
		return Arbitraries.randomValue(random -> pick(collection, null, random));
	}

	/**
	 * As {@link #pick(String)}, preferring ids answered under {@code parent} (the connections of that gig), so that a
	 * path naming both gets past "not found" more often.
	 */
	String pick(String collection, @Nullable String parent, Random random) {
		synchronized (byCollection) {
			List<String> children = parent == null ? List.of() : byCollection.getOrDefault(collection + "@" + parent, List.of());
			if (!children.isEmpty() && random.nextInt(10) < 8) {
				return children.get(random.nextInt(children.size()));
			}
			List<String> pool = byCollection.getOrDefault(collection, List.of());
			if (!pool.isEmpty() && random.nextInt(10) < 8) {
				return pool.get(random.nextInt(pool.size()));
			}
			List<String> all = byCollection.values().stream().flatMap(List::stream).distinct().toList();
			if (!all.isEmpty() && random.nextInt(10) < 5) {
				return all.get(random.nextInt(all.size()));
			}
			return new UUID(random.nextLong(), random.nextLong()).toString();
		}
	}

	/** Takes the ids of a 2xx JSON answer to a path ending in a collection name, also under the id the path names last. */
	void harvest(BadRequest request, String body) {
		String[] segments = request.endpoint().pattern().split("/");
		String last = segments.length == 0 ? "" : segments[segments.length - 1];
		if (last.isEmpty() || last.contains("{") || last.contains("*") || !body.startsWith("{") && !body.startsWith("[")) {
			return;
		}
		String[] values = request.target().split("\\?")[0].split("/");
		String parent = null;
		for (int i = 0; i < segments.length - 1 && i < values.length; i++) {
			if (segments[i].startsWith("{")) {
				parent = values[i];
			}
		}
		try {
			JsonNode answer = JSON.readTree(body);
			collect(answer, last);
			if (parent != null) {
				collect(answer, last + "@" + parent);
			}
		}
		catch (RuntimeException e) {
			// Not JSON after all: nothing to take.
		}
	}

	private void collect(JsonNode node, String collection) {
		if (node.isObject()) {
			node.properties().forEach(field -> {
				if ((field.getKey().equals("id") || field.getKey().equals("ids")) && (field.getValue().isString() || field.getValue().isArray())) {
					(field.getValue().isArray() ? field.getValue().valueStream().toList() : List.of(field.getValue())).forEach(id -> add(collection, id));
				}
				else {
					collect(field.getValue(), collection);
				}
			});
		}
		else if (node.isArray()) {
			node.valueStream().forEach(child -> collect(child, collection));
		}
	}

	private void add(String collection, JsonNode id) {
		if (!id.isString() || !UUID_TEXT.matcher(id.asString()).matches()) {
			return;
		}
		synchronized (byCollection) {
			List<String> pool = byCollection.computeIfAbsent(collection, key -> new ArrayList<>());
			if (!pool.contains(id.asString())) {
				pool.add(id.asString());
				if (pool.size() > KEEP) {
					pool.remove(0);
				}
			}
		}
	}
}

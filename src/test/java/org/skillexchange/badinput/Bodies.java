package org.skillexchange.badinput;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.skillexchange.notifications.NotificationType;

/**
 * Request bodies. A well-formed body is built from the handler's body type (records, lists, strings, numbers,
 * UUIDs, dates) with values a valid request would carry, so that one hostile value put into it reaches the code
 * behind validation; {@link #malformed} breaks the JSON itself.
 */
final class Bodies {

	static final List<String> MEMBERS = List.of("user:default/jdoe", "user:default/alice", "user:default/bob", "user:default/admin");

	static final List<String> NOTIFICATION_TYPES = Arrays.stream(NotificationType.values()).map(NotificationType::id).toList();

	/**
	 * Values a valid request carries, by {@code Record.field} or {@code field}: hints that let generated bodies pass
	 * validation. A field not listed still gets bodies, only fewer of them valid.
	 */
	private static final Map<String, List<String>> VALID = Map.ofEntries(
			Map.entry("GigBody.type", List.of("embed", "mentorship")),
			Map.entry("Recipients.type", List.of("entity", "entity", "broadcast")),
			Map.entry("PreferenceItem.type", NOTIFICATION_TYPES),
			Map.entry("PreferenceItem.channel", List.of("backstage", "slack")),
			Map.entry("HackBody.status", List.of("UNCLAIMED", "LOOKING_FOR_MEMBERS", "IN_PROGRESS")),
			Map.entry("status", List.of("OPEN", "FILLED", "ARCHIVED", "ACCEPTED", "DECLINED", "REMOVED")),
			Map.entry("contact", MEMBERS), Map.entry("member", MEMBERS), Map.entry("pointOfContact", MEMBERS),
			Map.entry("owners", MEMBERS), Map.entry("members", MEMBERS),
			Map.entry("entityRef", List.of("user:default/jdoe", "user:default/alice", "user:default/bob", "group:default/platform")),
			Map.entry("excludeEntityRef", List.of("user:default/bob")),
			Map.entry("meetType", List.of("VIRTUAL", "IN_PERSON", "BOTH")),
			Map.entry("requestType", List.of("OFFERING_MENTORSHIP", "SEEKING_MENTORSHIP", "SEEKING_PAIR")),
			Map.entry("levelOfExpertise", List.of("ALL", "BEGINNER", "ADVANCED")),
			Map.entry("durationUnit", List.of("WEEKS", "MONTHS")),
			Map.entry("gigType", List.of("EMBED", "MENTORSHIP")),
			Map.entry("category", List.of("SKILL", "FREE_TEXT", "LOCATION", "TEAM")),
			Map.entry("severity", List.of("normal", "high", "low", "critical")),
			Map.entry("url", List.of("https://example.com/docs", "http://example.com/a?b=c")),
			Map.entry("link", List.of("https://example.com/x", "/catalog/default/component/x")),
			Map.entry("query", List.of("kotlin", "java", "remote")),
			Map.entry("skills", List.of("kotlin", "java", "go")), Map.entry("tags", List.of("bots", "ml")));

	private static final List<String> TEXT = List.of("Learn Kotlin", "Pairing on the Slack bot", "Hi!", "Remote", "platform team",
			"A short note.");

	private final IdPools ids;

	Bodies(IdPools ids) {
		this.ids = ids;
	}

	/** A body of this type as a valid request would send it; {@code owner} is the record the field is in. */
	Arbitrary<Object> valid(Type type, String owner, String field, int depth) {
		Class<?> raw = rawClass(type);
		if (raw == String.class) {
			List<String> hints = VALID.getOrDefault(owner + "." + field, VALID.get(field));
			return Arbitraries.of(hints != null ? hints : TEXT).map(s -> (Object) s);
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return Arbitraries.of(true, false).map(b -> (Object) b);
		}
		if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
			return Arbitraries.integers().between(1, 12).map(i -> (Object) i);
		}
		if (raw == UUID.class) {
			return ids.pick(field.endsWith("s") ? field : field + "s").map(id -> (Object) id);
		}
		if (raw == LocalDate.class) {
			return Arbitraries.of("2027-01-15", "2026-12-31").map(s -> (Object) s);
		}
		if (Collection.class.isAssignableFrom(raw)) {
			Type element = typeArgument(type, 0);
			return valid(element, owner, field, depth + 1).list().ofMinSize(1).ofMaxSize(3).map(list -> (Object) new ArrayList<>(list));
		}
		if (Map.class.isAssignableFrom(raw) || raw == Object.class) {
			return Arbitraries.of(Map.of(), Map.of("key", "value")).map(m -> (Object) new LinkedHashMap<>(m));
		}
		if (raw.isRecord() && depth < 6) {
			return record(raw, depth);
		}
		return Arbitraries.just("x");
	}

	private Arbitrary<Object> record(Class<?> type, int depth) {
		RecordComponent[] components = type.getRecordComponents();
		List<Arbitrary<Object>> fields = new ArrayList<>();
		for (RecordComponent component : components) {
			boolean nullable = Arrays.stream(component.getAnnotatedType().getAnnotations())
				.anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
			Arbitrary<Object> value = valid(component.getGenericType(), type.getSimpleName(), component.getName(), depth + 1);
			// Optional parts are left out now and then, so the short valid shapes are sent too.
			fields.add(nullable ? Arbitraries.frequencyOf(Tuple.of(4, value), Tuple.of(1, Arbitraries.just(Absent.VALUE))) : value);
		}
		return Combinators.combine(fields).as(values -> {
			Map<String, Object> object = new LinkedHashMap<>();
			for (int i = 0; i < components.length; i++) {
				if (values.get(i) != Absent.VALUE) {
					object.put(components[i].getName(), values.get(i));
				}
			}
			return (Object) object;
		});
	}

	/** A field left out of the object. */
	enum Absent {
		VALUE
	}

	/** Paths to the leaves (and whole lists and objects) of a tree, each a list of map keys and list indexes. */
	static List<List<Object>> paths(Object tree) {
		List<List<Object>> paths = new ArrayList<>();
		collect(tree, new ArrayList<>(), paths);
		return paths;
	}

	@SuppressWarnings("unchecked")
	private static void collect(Object tree, List<Object> at, List<List<Object>> paths) {
		if (!at.isEmpty()) {
			paths.add(List.copyOf(at));
		}
		if (tree instanceof Map<?, ?> map) {
			for (String key : ((Map<String, Object>) map).keySet()) {
				at.add(key);
				collect(map.get(key), at, paths);
				at.remove(at.size() - 1);
			}
		}
		else if (tree instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				at.add(i);
				collect(list.get(i), at, paths);
				at.remove(at.size() - 1);
			}
		}
	}

	/** A copy of the tree with the value at {@code path} replaced. */
	@SuppressWarnings("unchecked")
	static Object replace(Object tree, List<Object> path, Object value) {
		if (path.isEmpty()) {
			return value;
		}
		Object key = path.get(0);
		List<Object> rest = path.subList(1, path.size());
		if (tree instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
			copy.put((String) key, replace(copy.get(key), rest, value));
			return copy;
		}
		List<Object> copy = new ArrayList<>((List<Object>) tree);
		copy.set((Integer) key, replace(copy.get((Integer) key), rest, value));
		return copy;
	}

	/** Values of the wrong type for wherever they land, nulls among them. */
	static Arbitrary<Object> wrongTypes() {
		return Arbitraries.<Object>of(Json.Null.VALUE, 42, -1, 0, 3.5, true, false, List.of(), List.of(List.of(List.of())), Map.of(),
				Map.of("a", Map.of("b", 1)), "text", new Json.Verbatim("1e999999"), new Json.Verbatim("123456789012345678901234567890"),
				new Json.Verbatim("-0.0"), new Json.Verbatim("9".repeat(2000)), new Json.Verbatim("0.0000000000000000000000001"));
	}

	/**
	 * The body's JSON broken: cut off, wrongly typed, nested too deep, far too long, or not JSON at all. The bytes are
	 * made when the request is sent, not when it is generated, since jqwik keeps the generators of a run.
	 */
	static Arbitrary<Supplier<byte[]>> malformed(Object tree) {
		List<List<Object>> paths = paths(tree);
		Arbitrary<Supplier<byte[]>> truncated = Arbitraries.doubles().between(0, 1)
			.map(share -> () -> {
				String json = Json.write(tree, false);
				return utf8(json.substring(0, (int) (json.length() * share)));
			});
		Arbitrary<Supplier<byte[]>> wrongType = paths.isEmpty() ? wrongTypes().map(v -> () -> utf8(Json.write(v, false)))
				: Combinators.combine(Arbitraries.of(paths), wrongTypes())
					.as((path, value) -> () -> utf8(Json.write(replace(tree, path, value), false)));
		Arbitrary<Supplier<byte[]>> wholeBody = Arbitraries.of("null", "", " ", "[]", "\"text\"", "123", "true", "{}", "{", "}", "[",
				"{\"a\":}", "{\"a\" 1}", "{a:1}", "{'a':'b'}", "{\"a\":1,}", "[1,]", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}",
				"/* c */{}", "{\"a\":\"\\x00\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\ud800\"}", "\"\\udfff\"", "{\"a\":1}{\"b\":2}",
				"{\"a\":1} trailing", "\u0000", "{\"\u0000\":1}", "<xml/>", "a=1&b=2", "payload=%7B%7D")
			.map(text -> () -> utf8(text));
		Arbitrary<Supplier<byte[]>> deep = Combinators.combine(Arbitraries.of(600, 2_000, 20_000, 200_000), Arbitraries.of(0, 1, 2))
			.as((depth, shape) -> () -> utf8(switch (shape) {
				case 0 -> "[".repeat(depth) + "]".repeat(depth);
				case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
				default -> "[".repeat(depth);
			}));
		Arbitrary<Supplier<byte[]>> deepInField = paths.isEmpty() ? deep
				: Combinators.combine(Arbitraries.of(paths), Arbitraries.of(600, 5_000)).as((path, depth) -> () -> utf8(
						Json.write(replace(tree, path, new Json.Verbatim("[".repeat(depth) + "]".repeat(depth))), false)));
		Arbitrary<List<Object>> where = paths.isEmpty() ? Arbitraries.just(List.of()) : Arbitraries.of(paths);
		Arbitrary<Supplier<byte[]>> hugeArray = Combinators.combine(Arbitraries.of(10_000, 100_000, 300_000),
				Arbitraries.of("1", "\"user:default/jdoe\"", "null", "{}", "\"" + UUID.randomUUID() + "\""), where)
			.as((size, item, path) -> () -> utf8(Json.write(replace(tree, path,
					new Json.Verbatim("[" + String.join(",", Collections.nCopies(size, item)) + "]")), false)));
		Arbitrary<Supplier<byte[]>> duplicateKeys = Arbitraries.just(() -> {
			String json = Json.write(tree, false);
			return utf8(json.startsWith("{\"") && json.length() > 2 ? "{" + json.substring(1, json.length() - 1) + "," + json.substring(1)
					: json + json);
		});
		Arbitrary<Supplier<byte[]>> badBytes = Combinators.combine(Arbitraries.of(new byte[] { (byte) 0xc3, 0x28 },
				new byte[] { (byte) 0xc0, (byte) 0xaf }, new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }, new byte[] { (byte) 0xff, (byte) 0xfe },
				new byte[] { (byte) 0xef, (byte) 0xbb, (byte) 0xbf }, new byte[] { 0 },
				new byte[] { (byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }), Arbitraries.doubles().between(0, 1))
			.as((bytes, share) -> () -> {
				byte[] json = utf8(Json.write(tree, false));
				return splice(json, (int) (json.length * share), bytes);
			});
		Arbitrary<Supplier<byte[]>> otherEncoding = Arbitraries.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1)
			.map(charset -> () -> Json.write(tree, false).getBytes(charset));
		Arbitrary<Supplier<byte[]>> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000).map(bytes -> () -> bytes);
		return Arbitraries.frequencyOf(Tuple.of(4, truncated), Tuple.of(6, wrongType), Tuple.of(4, wholeBody), Tuple.of(2, deep),
				Tuple.of(1, deepInField), Tuple.of(2, hugeArray), Tuple.of(1, duplicateKeys), Tuple.of(2, badBytes), Tuple.of(1, otherEncoding),
				Tuple.of(2, randomBytes));
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] splice(byte[] into, int at, byte[] bytes) {
		byte[] out = new byte[into.length + bytes.length];
		System.arraycopy(into, 0, out, 0, at);
		System.arraycopy(bytes, 0, out, at, bytes.length);
		System.arraycopy(into, at, out, at + bytes.length, into.length - at);
		return out;
	}

	static Class<?> rawClass(Type type) {
		if (type instanceof Class<?> c) {
			return c;
		}
		if (type instanceof ParameterizedType p) {
			return (Class<?>) p.getRawType();
		}
		if (type instanceof WildcardType w) {
			return rawClass(w.getUpperBounds()[0]);
		}
		return Object.class;
	}

	private static Type typeArgument(Type type, int index) {
		return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
	}
}

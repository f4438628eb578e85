package org.skillexchange.badinput;

import java.util.List;
import java.util.Map;

/**
 * Writes the generators' trees (maps, lists, strings, numbers, booleans, null) as JSON, by hand so that what is sent
 * is exactly what was meant: lone surrogates and NULs escaped as {@code \\uXXXX}, and, when asked, every non-ASCII
 * character escaped too (a library writer would refuse the one and always pass the other through).
 */
final class Json {

	private Json() {
	}

	static String write(Object tree, boolean asciiOnly) {
		var out = new StringBuilder();
		write(tree, asciiOnly, out);
		return out.toString();
	}

	@SuppressWarnings("unchecked")
	private static void write(Object tree, boolean asciiOnly, StringBuilder out) {
		if (tree == null || tree == Null.VALUE) {
			out.append("null");
		}
		else if (tree instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (var entry : ((Map<String, Object>) map).entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				string(entry.getKey(), asciiOnly, out);
				out.append(':');
				write(entry.getValue(), asciiOnly, out);
			}
			out.append('}');
		}
		else if (tree instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(list.get(i), asciiOnly, out);
			}
			out.append(']');
		}
		else if (tree instanceof String text) {
			string(text, asciiOnly, out);
		}
		else if (tree instanceof Verbatim verbatim) {
			out.append(verbatim.json());
		}
		else {
			out.append(tree);
		}
	}

	private static void string(String text, boolean asciiOnly, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || Character.isSurrogate(c) && !paired(text, i) || asciiOnly && c > 0x7e) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	private static boolean paired(String text, int i) {
		char c = text.charAt(i);
		return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
				: i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
	}

	/** A JSON null kept as a map value (maps of the tree may not hold Java null where order matters). */
	enum Null {
		VALUE
	}

	/** JSON text put in as it is: numbers too big for any Java type, NaN, and the like. */
	record Verbatim(String json) {
	}
}

package org.skillexchange.badinput;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Strings meant to hurt: control and invisible characters, text that changes direction, lone surrogates, SQL, HTML,
 * Slack mrkdwn that pings a channel, Mustache that tries to reach into a template, entity refs that are nearly right,
 * URLs that are not, numbers that overflow, ids that look like UUIDs and are not; and random and very long text.
 */
final class HostileValues {

	private HostileValues() {
	}

	static final List<String> CATALOGUE = List.of(
			// empty and invisible
			"", " ", "\t\n", "\u0000", "a\u0000b", "\u200B", "\uFEFF", "\u00AD", "\u2028\u2029", "\r\nX-Injected: yes",
			// direction, composition, case folding
			"\u202Eevil.exe\u202C", "\u2067RTL\u2069", "مرحبا بالعالم", "שלום", "Z̷̢̛͓̲̈́a̶̡͙̿l̵̪̈g̴̱̈́o̶̭͝", "👩‍👩‍👧‍👦🏳️‍🌈",
			"\uD800", "\uDFFF\uD800", "İstanbul", "ǅ", "ß", "ﬁ", "ｕｓｅｒ:ｄｅｆａｕｌｔ/ｊｄｏｅ", "١٢٣", "\u0301",
			// SQL and the like
			"' OR '1'='1", "'; DROP TABLE gig; --", "\\", "\\'", "%", "_", "$1", "\"", "`", "%00", "%s%s%s%n", "%x",
			"${jndi:ldap://127.0.0.1:9/a}", "#{7*7}", "${7*7}", "{{7*7}}",
			// HTML and script
			"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&lt;&amp;&gt;", "</textarea>", "]]>", "<?xml?>",
			// Slack mrkdwn and mentions
			"<!channel>", "<!here>", "<!everyone>", "<@U0ALICE>", "<#C0123>", "<!subteam^S123>", "<https://evil.example|click me>",
			"<!date^0^{date}|x>", "*bold* _it_ ~strike~ `code` ```block```", ">quote", "&", "<", ">",
			// Mustache
			"{{title}}", "{{{description}}}", "{{#items}}x{{/items}}", "{{> partial}}", "{{=<% %>=}}", "{{", "}}", "{{!comment",
			// entity refs, nearly right
			"user:default/jdoe", "USER:DEFAULT/JDOE", " user:default/alice ", "user:default/", "user:/jdoe", ":/", "user::x",
			"group:default/platform", "user:default/ghost", "component:default/x", "user:default/jdoe\u0000", "user:default/../admin",
			"user:default/jdoe@example.com", "*", "user:*/*", "user:default/a b", "user:default/jdoe,user:default/bob",
			// URLs, nearly right
			"javascript:alert(1)", "https://", "http://", "file:///etc/passwd", "//evil.example", "/relative", "https://exa mple.com",
			"https://example.com/\u0000", "data:text/html,<script>", "http://127.0.0.1:9/x", "https://example.com/" + "a".repeat(3000),
			// numbers as text, and JSON as text
			"NaN", "Infinity", "-0", "1e309", "-1", "0", "2147483648", "-9223372036854775809", "0x10", "1_000", "null", "true",
			"{\"a\":1}", "[]",
			// ids that look right
			"00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "123e4567-e89b-12d3-a456-42661417400",
			"g23e4567-e89b-12d3-a456-426614174000", "1-1-1-1-1", "{id}", "123e4567e89b12d3a456426614174000",
			"123E4567-E89B-12D3-A456-426614174000", "00000000-0000-0000-0000-0000000000000");

	/** Any hostile string: the catalogue, random unicode (lone surrogates included), or long text. */
	static Arbitrary<String> strings() {
		return Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(6, Arbitraries.of(CATALOGUE)),
				net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
				net.jqwik.api.Tuple.of(1, longStrings()));
	}

	/** Text just past or far past the size limits the API states (255, 2,000, 10,000). */
	static Arbitrary<String> longStrings() {
		return Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(3, Arbitraries.of(201, 256, 501, 2001, 4001, 10_001, 100_000).flatMap(HostileValues::repeatedTo)),
				net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMinLength(1000).ofMaxLength(5000)));
	}

	private static Arbitrary<String> repeatedTo(int length) {
		return Arbitraries.of("a", "é", "𝄞", "<!channel> ", "\u202E", "{{x}}").map(unit -> {
			var text = new StringBuilder(length + unit.length());
			while (text.length() < length) {
				text.append(unit);
			}
			return text.toString();
		});
	}

	/** A string of about {@code megabytes} MB: one letter, multi-byte text or mentions, repeated. */
	static String oversized(int megabytes, String unit) {
		int length = megabytes * 1024 * 1024 / Math.max(1, unit.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
		var text = new StringBuilder(length + unit.length());
		while (text.length() < length) {
			text.append(unit);
		}
		return text.toString();
	}

	/** Numbers that overflow, go negative or are not numbers, as query or path text. */
	static final List<String> NUMBERS = List.of("-1", "0", "1", "100", "101", "200", "201", "2147483647", "2147483648", "-2147483649",
			"99999999999999999999", "1.5", "1e3", "abc", "", " 1", "0x1F", "NaN", "+1", "٣", "1;2", "-0");

	static final List<String> BOOLEANS = List.of("true", "false", "maybe", "1", "0", "", "TRUE", "yes", "null", "tru");

	static List<String> all() {
		List<String> all = new ArrayList<>(CATALOGUE);
		all.addAll(NUMBERS);
		return all;
	}
}

package org.skillexchange.config;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Knows which keys hold secrets and how a secret is shown. Values loaded from such keys are also
 * remembered so that the log layout can mask them if one ever reaches a log line.
 */
public final class Secrets {

	private static final Pattern SECRET_KEY = Pattern.compile(
			"(?i).*(token|secret|password|passwd|apikey|api-key|privatekey|credentials?)$");

	private static final Pattern KNOWN_PREFIX = Pattern.compile("^(xoxb|xapp|xoxp|xoxa|xoxe)-");

	private static final int SHORTEST_MASKED_VALUE = 6;

	private static final Set<String> loadedValues = ConcurrentHashMap.newKeySet();

	private Secrets() {
	}

	/** Whether the last segment of a key path names a secret ({@code token}, {@code signingSecret}, …). */
	public static boolean isSecretKey(String keyPath) {
		String last = keyPath.substring(keyPath.lastIndexOf('.') + 1).replaceAll("\\[\\d*]$", "");
		return SECRET_KEY.matcher(last).matches();
	}

	/** How a secret is displayed: the well-known Slack prefix, never the rest. */
	public static String redact(String value) {
		var prefix = KNOWN_PREFIX.matcher(value);
		return (prefix.find() ? prefix.group() : "") + "…(redacted)";
	}

	private static final Pattern URL_PASSWORD = Pattern.compile("://[^:/@]+:([^@]*)@");

	/** A URL with its password (user:password@ or password=) replaced. */
	public static String redactUrl(String url) {
		return URL_PASSWORD.matcher(url).replaceAll(match -> match.group().replace(match.group(1), "…(redacted)"))
			.replaceAll("(?i)(password=)[^&;]*", "$1…(redacted)");
	}

	static Optional<String> urlPassword(String url) {
		var matcher = URL_PASSWORD.matcher(url);
		return matcher.find() && !matcher.group(1).isEmpty() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	static void remember(String value) {
		if (value.length() >= SHORTEST_MASKED_VALUE) {
			loadedValues.add(value);
		}
	}

	/** Replaces every secret value loaded from config that occurs in {@code text}. */
	public static String mask(String text) {
		String masked = text;
		for (String secret : loadedValues) {
			if (masked.contains(secret)) {
				masked = masked.replace(secret, redact(secret));
			}
		}
		return masked;
	}
}

package org.skillexchange.entities;

import java.util.Locale;
import java.util.regex.Pattern;

/** Backstage entity refs as the service stores them: lower case, with kind and namespace. */
public final class EntityRefs {

	private static final Pattern REF = Pattern.compile("(?:([a-z]+):)?(?:([a-z0-9._-]+)/)?([a-z0-9._@-]+)");

	private EntityRefs() {
	}

	/** {@code User:Default/JDoe} and {@code jdoe} become {@code user:default/jdoe}; throws for anything else. */
	public static String normalizeUser(String ref) {
		String normalized = normalize(ref, "user");
		if (!normalized.startsWith("user:")) {
			throw new IllegalArgumentException("'" + ref + "' is not a user entity ref (expected user:default/name)");
		}
		return normalized;
	}

	/** Normalises a ref of any kind, defaulting the kind when the ref has none. */
	public static String normalize(String ref, String defaultKind) {
		var matcher = REF.matcher(ref.trim().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + ref + "' is not an entity ref (expected kind:namespace/name)");
		}
		String kind = matcher.group(1) == null ? defaultKind : matcher.group(1);
		String namespace = matcher.group(2) == null ? "default" : matcher.group(2);
		return kind + ":" + namespace + "/" + matcher.group(3);
	}
}

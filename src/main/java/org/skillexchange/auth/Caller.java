package org.skillexchange.auth;

/**
 * The authenticated caller of an API request. Declare it as a controller method parameter; a request
 * without valid credentials never reaches the method (401 problem details).
 */
public record Caller(String subject, Kind kind) {

	public enum Kind {
		/** A Backstage user; {@code subject} is the user entity ref, e.g. {@code user:default/jdoe}. */
		USER,
		/** Another internal tool with a static service token; {@code subject} as configured. */
		SERVICE
	}

	public boolean isUser() {
		return kind == Kind.USER;
	}
}

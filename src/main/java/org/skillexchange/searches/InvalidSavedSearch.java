package org.skillexchange.searches;

/** A saved search the user asked for is not acceptable; {@code field} names the part. */
public class InvalidSavedSearch extends RuntimeException {

	private final String field;

	public InvalidSavedSearch(String field, String message) {
		super(field + ": " + message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}

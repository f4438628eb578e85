package org.skillexchange.gigs;

/** A value the user gave is not acceptable; {@code field} names it as the API does. */
public class InvalidGigInput extends RuntimeException {

	private final String field;

	public InvalidGigInput(String field, String message) {
		super(field + ": " + message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}

package org.skillexchange.hacks;

/** A value the user gave is not acceptable; {@code field} names it as the API does. */
public class InvalidHackInput extends RuntimeException {

	private final String field;

	public InvalidHackInput(String field, String message) {
		super(field + ": " + message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}

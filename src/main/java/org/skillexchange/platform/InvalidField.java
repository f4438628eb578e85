package org.skillexchange.platform;

/** A request value that passed parsing but is wrong (an unknown ref, channel or type); answered 400 naming the field. */
public class InvalidField extends RuntimeException {

	private final String field;

	public InvalidField(String field, String message) {
		super(field + ": " + message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}

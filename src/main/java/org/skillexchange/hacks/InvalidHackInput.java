package org.skillexchange.hacks;

import org.skillexchange.platform.InvalidField;

/** A value the user gave is not acceptable; {@code field} names it as the API does. */
public class InvalidHackInput extends InvalidField {

	public InvalidHackInput(String field, String message) {
		super(field, message);
	}
}

package org.skillexchange.gigs;

import org.skillexchange.platform.InvalidField;

/** A value the user gave is not acceptable; {@code field} names it as the API does. */
public class InvalidGigInput extends InvalidField {

	public InvalidGigInput(String field, String message) {
		super(field, message);
	}
}

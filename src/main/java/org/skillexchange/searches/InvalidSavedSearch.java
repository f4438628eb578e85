package org.skillexchange.searches;

import org.skillexchange.platform.InvalidField;

/** A saved search the user asked for is not acceptable; {@code field} names the part. */
public class InvalidSavedSearch extends InvalidField {

	public InvalidSavedSearch(String field, String message) {
		super(field, message);
	}
}

package org.skillexchange.notifications;

/** A recipient ref cannot be turned into people (a group without a members directory, an unknown kind). */
public class RecipientNotResolvable extends RuntimeException {

	private final String ref;

	public RecipientNotResolvable(String ref, String why) {
		super("cannot notify '" + ref + "': " + why);
		this.ref = ref;
	}

	public String ref() {
		return ref;
	}
}

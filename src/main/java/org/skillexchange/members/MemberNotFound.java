package org.skillexchange.members;

/** No user with this entity ref is in the directory. */
public class MemberNotFound extends RuntimeException {

	private final String ref;

	public MemberNotFound(String ref) {
		super("No user " + ref + " in the members directory");
		this.ref = ref;
	}

	public String ref() {
		return ref;
	}
}

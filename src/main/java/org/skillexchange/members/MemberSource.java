package org.skillexchange.members;

import java.util.Optional;

/** Where the directory reads people from. */
interface MemberSource {

	Snapshot load();

	/** Whether reading again can find someone new (the catalog can; a file read at start cannot). */
	boolean refreshable();

	/** One user read on its own, for someone who joined since the last full read; empty when unknown. */
	Optional<Member> lookUp(String userRef);
}

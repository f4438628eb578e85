package org.skillexchange.members;

/** Where the directory reads people from. */
interface MemberSource {

	Snapshot load();

	/** Whether reading again can find someone new (the catalog can; a file read at start cannot). */
	boolean refreshable();
}

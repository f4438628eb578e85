package org.skillexchange.members;

import java.util.List;
import java.util.Optional;

/** Looks people up by entity ref and expands groups to their members. */
public interface MemberDirectory {

	/** The member with this user ref (any case, kind and namespace optional), if the directory knows them. */
	Optional<Member> find(String ref);

	/** The member with this user ref; throws {@link MemberNotFound} otherwise. */
	default Member require(String ref) {
		return find(ref).orElseThrow(() -> new MemberNotFound(ref));
	}

	/** Everyone, ordered by ref. */
	List<Member> all();

	/** The user refs of a group's members; empty for an unknown group. */
	List<String> expandGroup(String groupRef);
}

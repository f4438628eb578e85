package org.skillexchange.notifications.spi;

import java.util.List;

/**
 * Expands group refs and broadcasts into people. Implemented by the members module; without it,
 * only user refs can be notified.
 */
public interface RecipientDirectory {

	/** The user refs of a group's members (transitively), empty when the group is unknown. */
	List<String> membersOf(String groupRef);

	/** Every known user, for a broadcast. */
	List<String> everyone();
}

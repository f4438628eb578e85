package org.skillexchange.notifications;

import java.util.UUID;

/** No notification with this id is visible to the caller. */
class NotificationNotFound extends RuntimeException {

	NotificationNotFound(UUID id) {
		super("notification " + id + " not found");
	}
}

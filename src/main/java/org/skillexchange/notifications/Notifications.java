package org.skillexchange.notifications;

import java.util.UUID;

/**
 * Records notifications in the outbox. Call it inside the transaction of the change that causes the
 * notification: if that change rolls back, nothing is recorded; if it commits, every row is.
 */
public interface Notifications {

	/**
	 * Writes the notification, an inbox entry per recipient and one delivery per recipient and
	 * enabled channel. Returns the id of the notification, or empty when no one is left to notify
	 * (for example the actor was the only recipient).
	 */
	java.util.Optional<UUID> record(NotificationRequest request);
}

package org.skillexchange.notifications;

import java.util.UUID;

/** A notification's deliveries were written and some are due now; published inside the recording transaction. */
record DeliveriesRecorded(UUID notificationId) {
}

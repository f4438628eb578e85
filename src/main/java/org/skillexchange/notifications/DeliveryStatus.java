package org.skillexchange.notifications;

/** {@code pending → sending → delivered | failed | skipped}; the last three are final. */
public enum DeliveryStatus {
	PENDING, SENDING, DELIVERED, FAILED, SKIPPED
}

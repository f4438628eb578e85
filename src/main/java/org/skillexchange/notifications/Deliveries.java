package org.skillexchange.notifications;

import java.util.List;
import java.util.UUID;

/** The delivery engine and its log, for operators, tools and tests. */
public interface Deliveries {

	/** Claims the deliveries that are due now and delivers them; returns how many were attempted. */
	int deliverDue();

	/** Probes paused channels whose probe is due, resuming those that work again. */
	void probePausedChannels();

	/** Every delivery of one notification, per channel and recipient. */
	List<DeliveryView> forNotification(UUID notificationId);
}

package org.skillexchange.notifications.spi;

import java.util.UUID;

/** One delivery handed to a channel: a notification for one recipient; {@code attempt} counts from 1. */
public record DeliveryRequest(UUID deliveryId, String recipient, int attempt, NotificationContent notification) {
}

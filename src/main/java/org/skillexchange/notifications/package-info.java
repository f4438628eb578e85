/**
 * Notifications: the catalogue of types, the outbox written in the caller's transaction, the delivery
 * engine, preferences, the inbox and the delivery log. Channels plug in through {@code spi}.
 */
@org.jspecify.annotations.NullMarked
package org.skillexchange.notifications;

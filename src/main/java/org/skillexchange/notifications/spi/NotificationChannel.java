package org.skillexchange.notifications.spi;

import java.util.Optional;

/** A way of reaching people. Implementations are Spring beans; the engine finds them by {@link #id()}. */
public interface NotificationChannel {

	/** Stable id used in delivery rows, preferences and metrics: {@code backstage}, {@code slack}. */
	String id();

	/** On with what it sends to, or off with the reason (no credentials, disabled in config). */
	ChannelStatus status();

	/** Sends one delivery. Must not throw for expected failures: answer with an outcome instead. */
	DeliveryOutcome deliver(DeliveryRequest request);

	/**
	 * Checks whether a paused channel works again (credentials, permissions). Empty when it does,
	 * else the problem with its fix.
	 */
	Optional<String> probe();
}

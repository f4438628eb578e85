package org.skillexchange.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code skillExchange.notifications}: {@code enabled} switches the Backstage channel (as in the
 * product); {@code delivery} tunes the engine.
 */
@ConfigurationProperties("skill-exchange.notifications")
public record NotificationSettings(@DefaultValue("false") boolean enabled, @DefaultValue Delivery delivery) {

	/**
	 * @param maxAttempts attempts before a retryable delivery fails for good
	 * @param maxAge age after which a retryable delivery fails for good
	 * @param batchSize rows one pass claims
	 * @param pollInterval pause between passes when nothing was due
	 * @param leaseDuration how long a claim holds without a heartbeat before another instance takes over
	 * @param probeInterval how often a paused channel is probed
	 * @param workers whether this instance runs delivery workers (tests drive the engine by hand)
	 * @param concurrency deliveries sent in parallel by one instance
	 */
	public record Delivery(@DefaultValue("12") int maxAttempts, @DefaultValue("24h") Duration maxAge,
			@DefaultValue("50") int batchSize, @DefaultValue("500ms") Duration pollInterval,
			@DefaultValue("60s") Duration leaseDuration, @DefaultValue("30s") Duration probeInterval,
			@DefaultValue("true") boolean workers, @DefaultValue("8") int concurrency,
			@DefaultValue("10s") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff) {
	}
}

package org.skillexchange.notifications;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** Deliveries by channel, type and outcome; queue depth; age of the oldest due delivery; send latency. */
@Component
class DeliveryMetrics {

	private final MeterRegistry registry;

	DeliveryMetrics(MeterRegistry registry, OutboxStore store, Clock clock) {
		this.registry = registry;
		Gauge.builder("skill_exchange.delivery.queue.depth", store, OutboxStore::countQueued)
			.description("Deliveries pending or being sent")
			.register(registry);
		Gauge.builder("skill_exchange.delivery.oldest.due.age", store,
				s -> s.oldestDue(clock.instant()).map(due -> Duration.between(due, clock.instant()).toMillis() / 1000.0).orElse(0.0))
			.description("Seconds the oldest due delivery has been waiting")
			.baseUnit("seconds")
			.register(registry);
	}

	void outcome(String channel, NotificationType type, String outcome) {
		Counter.builder("skill_exchange.deliveries")
			.description("Delivery attempts by channel, notification type and outcome")
			.tags("channel", channel, "type", type.id(), "outcome", outcome)
			.register(registry)
			.increment();
	}

	void sendTime(String channel, Duration took) {
		Timer.builder("skill_exchange.delivery.send")
			.description("Time a channel took to answer one delivery")
			.tags("channel", channel)
			.publishPercentileHistogram()
			.register(registry)
			.record(took);
	}
}

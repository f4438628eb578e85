package org.skillexchange.notifications;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.skillexchange.notifications.spi.ChannelStatus;
import org.skillexchange.notifications.spi.DeliveryOutcome;
import org.skillexchange.notifications.spi.DeliveryRequest;
import org.skillexchange.notifications.spi.NotificationChannel;

/** A channel for engine tests: records every request and answers with a scripted outcome. */
class RecordingChannel implements NotificationChannel {

	static final String ID = "recording";

	final List<DeliveryRequest> received = Collections.synchronizedList(new ArrayList<>());

	final Map<UUID, AtomicInteger> callsPerDelivery = new ConcurrentHashMap<>();

	volatile Function<DeliveryRequest, DeliveryOutcome> script = request -> new DeliveryOutcome.Delivered("ref-" + request.deliveryId());

	volatile ChannelStatus status = ChannelStatus.on("records in memory");

	volatile Optional<String> probeProblem = Optional.empty();

	final AtomicInteger probes = new AtomicInteger();

	void reset() {
		received.clear();
		callsPerDelivery.clear();
		script = request -> new DeliveryOutcome.Delivered("ref-" + request.deliveryId());
		status = ChannelStatus.on("records in memory");
		probeProblem = Optional.empty();
		probes.set(0);
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public ChannelStatus status() {
		return status;
	}

	@Override
	public DeliveryOutcome deliver(DeliveryRequest request) {
		received.add(request);
		callsPerDelivery.computeIfAbsent(request.deliveryId(), id -> new AtomicInteger()).incrementAndGet();
		return script.apply(request);
	}

	@Override
	public Optional<String> probe() {
		probes.incrementAndGet();
		return probeProblem;
	}
}

package org.skillexchange.notifications;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PreDestroy;
import org.skillexchange.config.Secrets;
import org.skillexchange.notifications.spi.DeliveryOutcome;
import org.skillexchange.notifications.spi.DeliveryRequest;
import org.skillexchange.notifications.spi.NotificationChannel;
import org.skillexchange.notifications.spi.NotificationContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * Claims due deliveries, hands each to its channel and records the outcome. Every instance runs one;
 * claims are exclusive (SKIP LOCKED) and guarded by a version, so a delivery taken over after a
 * lease expired is never finished twice by the same claim.
 */
@Service
class DeliveryEngine implements Deliveries {

	private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

	private final OutboxStore store;

	private final ChannelRegistry channels;

	private final ChannelPauses pauses;

	private final Preferences preferences;

	private final NotificationSettings.Delivery settings;

	private final RetryPolicy retryPolicy;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	private final String owner;

	private final ExecutorService senders;

	private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

	DeliveryEngine(OutboxStore store, ChannelRegistry channels, ChannelPauses pauses, Preferences preferences,
			NotificationSettings settings, DeliveryMetrics metrics, Clock clock) {
		this.store = store;
		this.channels = channels;
		this.pauses = pauses;
		this.preferences = preferences;
		this.settings = settings.delivery();
		this.retryPolicy = RetryPolicy.from(this.settings, () -> ThreadLocalRandom.current().nextDouble());
		this.metrics = metrics;
		this.clock = clock;
		this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
		this.senders = Executors.newFixedThreadPool(this.settings.concurrency(), new CustomizableThreadFactory("delivery-"));
	}

	String owner() {
		return owner;
	}

	@Override
	public int deliverDue() {
		List<ClaimedDelivery> claimed = claim();
		// A fan-out claims many deliveries of one notification: load each notification once per pass.
		Map<UUID, NotificationContent> contents = new ConcurrentHashMap<>();
		List<Future<?>> running = claimed.stream()
			.<Future<?>>map(claim -> senders.submit(() -> deliverGuarded(claim, contents)))
			.toList();
		for (Future<?> future : running) {
			try {
				future.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (ExecutionException e) {
				log.error("Delivery worker failed unexpectedly", e.getCause());
			}
		}
		return claimed.size();
	}

	List<ClaimedDelivery> claim() {
		Instant now = clock.instant();
		List<ClaimedDelivery> claimed = store.claimDue(owner, now, now.plus(settings.leaseDuration()), settings.batchSize(),
				pauses.pausedChannels());
		claimed.forEach(claim -> inFlight.add(claim.id()));
		return claimed;
	}

	/** Extends the leases of the deliveries being sent right now, and only those. */
	void heartbeat() {
		if (!inFlight.isEmpty()) {
			store.heartbeat(owner, List.copyOf(inFlight), clock.instant().plus(settings.leaseDuration()));
		}
	}

	private void deliverGuarded(ClaimedDelivery claim, Map<UUID, NotificationContent> contents) {
		try {
			deliver(claim, contents.computeIfAbsent(claim.notificationId(), id -> store.findContent(id).orElseThrow()));
		}
		catch (RuntimeException e) {
			// The database failed mid-delivery: give the row back for a later attempt; if even that fails,
			// the lease runs out and another pass takes it over.
			log.warn("Delivery {} could not be completed: {}", claim.id(), e.toString());
			try {
				store.reschedule(claim, claim.attempts() + 1, clock.instant().plus(retryPolicy.backoff(claim.attempts() + 1)),
						Secrets.mask("internal error: " + e));
			}
			catch (RuntimeException again) {
				log.warn("Delivery {} left to its lease: {}", claim.id(), again.toString());
			}
		}
		finally {
			inFlight.remove(claim.id());
		}
	}

	void deliver(ClaimedDelivery claim, NotificationContent content) {
		NotificationChannel channel = channels.find(claim.channel()).orElse(null);
		int attempt = claim.attempts() + 1;
		DeliveryOutcome outcome;
		if (channel == null) {
			outcome = new DeliveryOutcome.PermanentFailure("channel '" + claim.channel() + "' is not available in this service");
		}
		else if (!channel.status().enabled()) {
			outcome = new DeliveryOutcome.Skipped("channel off: " + channel.status().detail());
		}
		else if (!preferences.allows(claim.recipient(), claim.channel(), content.type())) {
			outcome = new DeliveryOutcome.Skipped("the recipient turned off " + content.type().id() + " on " + claim.channel());
		}
		else {
			outcome = send(channel, new DeliveryRequest(claim.id(), claim.recipient(), attempt, content));
		}
		apply(claim, content, attempt, outcome);
	}

	private DeliveryOutcome send(NotificationChannel channel, DeliveryRequest request) {
		long startedNanos = System.nanoTime();
		try {
			return channel.deliver(request);
		}
		catch (RuntimeException e) {
			log.warn("Channel {} threw while delivering {}: {}", channel.id(), request.deliveryId(), e.toString());
			return new DeliveryOutcome.RetryLater(Secrets.mask("unexpected error: " + e), null);
		}
		finally {
			metrics.sendTime(channel.id(), Duration.ofNanos(System.nanoTime() - startedNanos));
		}
	}

	private void apply(ClaimedDelivery claim, NotificationContent content, int attempt, DeliveryOutcome outcome) {
		Instant now = clock.instant();
		boolean kept;
		String name;
		if (outcome instanceof DeliveryOutcome.Delivered delivered) {
			kept = store.finish(claim, DeliveryStatus.DELIVERED, attempt, null, delivered.reference(), now);
			name = "delivered";
		}
		else if (outcome instanceof DeliveryOutcome.Skipped skipped) {
			kept = store.finish(claim, DeliveryStatus.SKIPPED, attempt, skipped.reason(), null, now);
			name = "skipped";
		}
		else if (outcome instanceof DeliveryOutcome.PermanentFailure failure) {
			kept = store.finish(claim, DeliveryStatus.FAILED, attempt, failure.reason(), null, now);
			name = "failed";
		}
		else if (outcome instanceof DeliveryOutcome.Deferred deferred) {
			kept = store.reschedule(claim, claim.attempts(), now.plus(deferred.waitFor()), "waiting: " + deferred.reason());
			name = "deferred";
		}
		else if (outcome instanceof DeliveryOutcome.RetryLater retry) {
			kept = retry(claim, attempt, retry, now);
			name = "retry";
		}
		else {
			String reason = ((DeliveryOutcome.ChannelDown) outcome).reason();
			pauses.pause(claim.channel(), reason, now, now.plus(settings.probeInterval()));
			log.warn("Channel {} paused: {}", claim.channel(), reason);
			// Waiting for a paused channel does not use up an attempt.
			kept = store.reschedule(claim, claim.attempts(), now, "waiting: channel paused: " + reason);
			name = "channel_down";
		}
		metrics.outcome(claim.channel(), content.type(), name);
		if (!kept) {
			log.warn("Delivery {} was taken over by another instance before this one finished it", claim.id());
		}
	}

	private boolean retry(ClaimedDelivery claim, int attempt, DeliveryOutcome.RetryLater retry, Instant now) {
		RetryPolicy.Decision decision = retryPolicy.next(attempt, claim.createdAt(), now, retry.reason(), retry.retryAfter());
		if (decision instanceof RetryPolicy.RetryAt at) {
			return store.reschedule(claim, attempt, at.at(), retry.reason());
		}
		return store.finish(claim, DeliveryStatus.FAILED, attempt, ((RetryPolicy.GiveUp) decision).reason(), null, now);
	}

	@Override
	public void probePausedChannels() {
		Instant now = clock.instant();
		for (ChannelPauses.Pause pause : pauses.all()) {
			if (pause.nextProbeAt().isAfter(now)) {
				continue;
			}
			var channel = channels.find(pause.channel());
			var problem = channel.isEmpty() ? Optional.<String>empty() : probe(channel.get());
			if (problem.isEmpty()) {
				pauses.resume(pause.channel());
				log.info("Channel {} resumed: its probe succeeded", pause.channel());
			}
			else {
				pauses.pause(pause.channel(), problem.get(), now, now.plus(settings.probeInterval()));
				int expired = store.failWaiting(pause.channel(), now.minus(settings.maxAge()),
						"gave up: channel paused for longer than " + settings.maxAge().toHours() + " h: " + problem.get(), now);
				if (expired > 0) {
					log.warn("{} deliveries on paused channel {} failed after waiting {}", expired, pause.channel(), settings.maxAge());
				}
			}
		}
	}

	private static Optional<String> probe(NotificationChannel channel) {
		try {
			return channel.probe();
		}
		catch (RuntimeException e) {
			return Optional.of(Secrets.mask("probe failed: " + e));
		}
	}

	@Override
	public List<DeliveryView> forNotification(UUID notificationId) {
		return store.deliveriesOf(notificationId);
	}

	@PreDestroy
	void stop() {
		senders.shutdown();
	}
}

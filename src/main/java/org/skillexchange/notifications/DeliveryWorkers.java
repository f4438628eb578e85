package org.skillexchange.notifications;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the engine in the background: delivery passes (back to back while there is a full batch, and
 * at once when this instance commits new deliveries), lease heartbeats and probes of paused channels. Off with
 * {@code skillExchange.notifications.delivery.workers: false}, where tests drive the engine by hand.
 */
@Component
class DeliveryWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);

	private final DeliveryEngine engine;

	private final NotificationSettings.Delivery settings;

	private volatile ScheduledExecutorService scheduler;

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	DeliveryWorkers(DeliveryEngine engine, NotificationSettings settings) {
		this.engine = engine;
		this.settings = settings.delivery();
	}

	@Override
	public void start() {
		if (!settings.workers()) {
			return;
		}
		scheduler = Executors.newScheduledThreadPool(3, new CustomizableThreadFactory("delivery-worker-"));
		long poll = settings.pollInterval().toMillis();
		long heartbeat = Math.max(1000, settings.leaseDuration().toMillis() / 3);
		scheduler.scheduleWithFixedDelay(guarded("delivery pass", this::drain), 0, poll, TimeUnit.MILLISECONDS);
		scheduler.scheduleWithFixedDelay(guarded("lease heartbeat", engine::heartbeat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
		scheduler.scheduleWithFixedDelay(guarded("channel probe", engine::probePausedChannels), poll, settings.probeInterval().toMillis(),
				TimeUnit.MILLISECONDS);
		log.info("Delivery workers started as {}", engine.owner());
	}

	/**
	 * New deliveries committed here start at once instead of at the next poll; wakes that arrive while
	 * one is queued share its pass. Other instances still find them by polling.
	 */
	@TransactionalEventListener
	void deliverNewlyCommitted(DeliveriesRecorded recorded) {
		ScheduledExecutorService running = scheduler;
		if (running != null && wakeQueued.compareAndSet(false, true)) {
			try {
				running.execute(guarded("delivery pass", () -> {
					wakeQueued.set(false);
					drain();
				}));
			}
			catch (RejectedExecutionException e) {
				// Shutting down: the deliveries stay due for the next start or another instance.
				wakeQueued.set(false);
			}
		}
	}

	private void drain() {
		ScheduledExecutorService running = scheduler;
		while (running != null && !running.isShutdown() && engine.deliverDue() >= settings.batchSize()) {
			// A full batch means more may be due: go on without waiting for the next poll.
		}
	}

	private static Runnable guarded(String what, Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (RuntimeException e) {
				// A failed pass (database restarting, say) must not stop the schedule.
				log.warn("{} failed: {}", what, e.toString());
			}
		};
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = scheduler;
		scheduler = null;
		if (running != null) {
			running.shutdown();
			try {
				running.awaitTermination(15, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}
}

package org.skillexchange.notifications;

import org.skillexchange.entities.EntityRefs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.skillexchange.notifications.spi.ChannelStatus;
import org.skillexchange.notifications.spi.NotificationChannel;
import org.skillexchange.notifications.spi.NotificationContent;
import org.skillexchange.notifications.spi.PlainTextRenderer;
import org.skillexchange.notifications.spi.RecipientDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a notification, its inbox entries and one delivery per recipient and channel, all in the
 * caller's transaction.
 */
@Service
class NotificationRecorder implements Notifications {

	private final OutboxStore store;

	private final ChannelRegistry channels;

	private final Preferences preferences;

	private final ObjectProvider<RecipientDirectory> directory;

	private final ObjectProvider<PlainTextRenderer> renderer;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	NotificationRecorder(OutboxStore store, ChannelRegistry channels, Preferences preferences,
			ObjectProvider<RecipientDirectory> directory, ObjectProvider<PlainTextRenderer> renderer, Clock clock,
			ApplicationEventPublisher events) {
		this.store = store;
		this.channels = channels;
		this.preferences = preferences;
		this.directory = directory;
		this.renderer = renderer;
		this.clock = clock;
		this.events = events;
	}

	@Override
	@Transactional
	public Optional<UUID> record(NotificationRequest request) {
		Set<String> recipients = expand(request);
		if (request.actor() != null) {
			recipients.remove(request.actor());
		}
		if (recipients.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		NotificationContent content = content(request, now);
		store.insertNotification(content);
		store.insertInboxEntries(content.id(), List.copyOf(recipients), now);
		List<OutboxStore.NewDelivery> deliveries = new ArrayList<>();
		Set<String> optOuts = preferences.optOuts(content.type());
		for (NotificationChannel channel : channels.all()) {
			ChannelStatus status = channel.status();
			for (String recipient : recipients) {
				deliveries.add(newDelivery(content, recipient, channel.id(), status, optOuts.contains(recipient + " " + channel.id())));
			}
		}
		store.insertDeliveries(content.id(), deliveries, now);
		if (deliveries.stream().anyMatch(delivery -> delivery.status() == DeliveryStatus.PENDING)) {
			events.publishEvent(new DeliveriesRecorded(content.id()));
		}
		return Optional.of(content.id());
	}

	/** Deliveries a channel will not make are recorded as skipped with the reason, so the log explains every recipient. */
	private static OutboxStore.NewDelivery newDelivery(NotificationContent content, String recipient, String channel,
			ChannelStatus status, boolean optedOut) {
		if (!status.enabled()) {
			return new OutboxStore.NewDelivery(recipient, channel, DeliveryStatus.SKIPPED, "channel off: " + status.detail());
		}
		if (optedOut) {
			return new OutboxStore.NewDelivery(recipient, channel, DeliveryStatus.SKIPPED,
					"the recipient turned off " + content.type().id() + " on " + channel);
		}
		return new OutboxStore.NewDelivery(recipient, channel, DeliveryStatus.PENDING, null);
	}

	private Set<String> expand(NotificationRequest request) {
		Set<String> users = new LinkedHashSet<>();
		for (String ref : request.recipients()) {
			if (ref.startsWith("user:")) {
				users.add(ref);
			}
			else if (ref.startsWith("group:")) {
				RecipientDirectory groups = directory.getIfAvailable();
				if (groups == null) {
					throw new RecipientNotResolvable(ref, "group refs need a members directory");
				}
				groups.membersOf(ref).stream().map(EntityRefs::normalizeUser).forEach(users::add);
			}
			else {
				throw new RecipientNotResolvable(ref, "only user and group refs can be notified");
			}
		}
		return users;
	}

	private NotificationContent content(NotificationRequest request, Instant now) {
		String title = request.title();
		String description = request.description();
		if (description == null) {
			var rendered = renderer.stream()
				.map(r -> r.render(request.type(), request.postType(), request.data()))
				.flatMap(Optional::stream)
				.findFirst();
			if (rendered.isPresent()) {
				title = title == null ? rendered.get().title() : title;
				description = rendered.get().description();
			}
		}
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("a " + request.type().id() + " notification needs a title");
		}
		return new NotificationContent(UUID.randomUUID(), request.type(), request.postType(), request.actor(), title,
				description, request.link(), request.severity(), request.topic(), request.scope(), request.data(),
				request.origin(), now);
	}
}

package org.skillexchange.notifications;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.skillexchange.auth.AccessDenied;
import org.skillexchange.auth.Caller;
import org.skillexchange.platform.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Send (service tokens), the caller's inbox, preferences and the delivery log. */
@RestController
@RequestMapping("/api/skill-exchange")
class NotificationsController {

	private final NotificationSender sender;

	private final InboxStore inbox;

	private final Preferences preferences;

	private final ChannelRegistry channels;

	private final Deliveries deliveries;

	private final Clock clock;

	NotificationsController(NotificationSender sender, InboxStore inbox, Preferences preferences, ChannelRegistry channels,
			Deliveries deliveries, Clock clock) {
		this.sender = sender;
		this.inbox = inbox;
		this.preferences = preferences;
		this.channels = channels;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@PostMapping("/notifications")
	@ResponseStatus(HttpStatus.ACCEPTED)
	NotificationsWeb.Sent send(Caller caller, @Valid @RequestBody NotificationsWeb.SendBody body) {
		if (caller.isUser()) {
			throw new AccessDenied(caller.subject(), "send notifications: only service tokens (skillExchange.auth.externalAccess) can");
		}
		return new NotificationsWeb.Sent(sender.send("external:" + caller.subject(), body));
	}

	@GetMapping("/notifications")
	NotificationsWeb.Page inbox(Caller caller, @RequestParam(required = false) @Nullable Boolean read,
			@RequestParam(required = false) @Nullable Boolean saved, @RequestParam(required = false) @Nullable String type,
			@RequestParam(defaultValue = "0") @Min(0) int offset, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
		String user = requireUser(caller);
		if (type != null && NotificationType.byId(type).isEmpty()) {
			throw new InvalidField("type", "unknown notification type '" + type + "'");
		}
		var filter = new InboxStore.Filter(read, saved, type);
		return new NotificationsWeb.Page(inbox.count(user, filter), inbox.list(user, filter, offset, limit));
	}

	@PostMapping("/notifications/update")
	NotificationsWeb.Page update(Caller caller, @Valid @RequestBody NotificationsWeb.UpdateBody body) {
		String user = requireUser(caller);
		if (body.read() == null && body.saved() == null) {
			throw new InvalidField("read", "give read and/or saved");
		}
		inbox.update(user, body.ids(), body.read(), body.saved(), clock.instant());
		var updated = inbox.entries(user, body.ids());
		return new NotificationsWeb.Page(updated.size(), updated);
	}

	@GetMapping("/notifications/status")
	NotificationsWeb.Status status(Caller caller) {
		String user = requireUser(caller);
		return new NotificationsWeb.Status(inbox.count(user, new InboxStore.Filter(false, null, null)),
				inbox.count(user, new InboxStore.Filter(true, null, null)));
	}

	@GetMapping("/preferences")
	NotificationsWeb.PreferencesView preferences(Caller caller) {
		String user = requireUser(caller);
		return new NotificationsWeb.PreferencesView(channels.all().stream().map(c -> c.id()).toList(),
				Arrays.stream(NotificationType.values()).map(NotificationType::id).toList(),
				preferences.of(user).stream().map(p -> new NotificationsWeb.PreferenceItem(p.channel(), p.type(), p.enabled())).toList());
	}

	@PutMapping("/preferences")
	NotificationsWeb.PreferencesView savePreferences(Caller caller, @Valid @RequestBody NotificationsWeb.PreferencesBody body) {
		String user = requireUser(caller);
		List<NotificationsWeb.PreferenceItem> items = body.preferences();
		for (int i = 0; i < items.size(); i++) {
			if (!channels.exists(items.get(i).channel())) {
				throw new InvalidField("preferences[" + i + "].channel", "unknown channel '" + items.get(i).channel() + "'");
			}
			if (NotificationType.byId(items.get(i).type()).isEmpty()) {
				throw new InvalidField("preferences[" + i + "].type", "unknown notification type '" + items.get(i).type() + "'");
			}
		}
		preferences.save(user, items.stream().map(p -> new Preferences.Preference(p.channel(), p.type(), p.enabled())).toList());
		return preferences(caller);
	}

	@GetMapping("/deliveries")
	List<DeliveryView> deliveries(Caller caller, @RequestParam UUID notification) {
		List<DeliveryView> all = deliveries.forNotification(notification);
		if (!caller.isUser()) {
			if (all.isEmpty() || !inbox.wasSentBy("external:" + caller.subject(), notification)) {
				throw new NotificationNotFound(notification);
			}
			return all;
		}
		if (!inbox.isRecipient(caller.subject(), notification)) {
			throw new NotificationNotFound(notification);
		}
		return all.stream().filter(delivery -> delivery.recipient().equals(caller.subject())).toList();
	}

	private static String requireUser(Caller caller) {
		if (!caller.isUser()) {
			throw new AccessDenied(caller.subject(), "read an inbox: inboxes belong to users");
		}
		return caller.subject();
	}
}

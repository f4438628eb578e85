package org.skillexchange.notifications;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.skillexchange.entities.EntityRefs;
import org.skillexchange.notifications.spi.RecipientDirectory;
import org.skillexchange.platform.InvalidField;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The send endpoint's work: resolve recipients the Backstage way (groups, broadcast, exclusions), then record. */
@Service
class NotificationSender {

	private final Notifications notifications;

	private final ObjectProvider<RecipientDirectory> directory;

	NotificationSender(Notifications notifications, ObjectProvider<RecipientDirectory> directory) {
		this.notifications = notifications;
		this.directory = directory;
	}

	@Transactional
	List<UUID> send(String origin, NotificationsWeb.SendBody body) {
		Set<String> users = new LinkedHashSet<>();
		if (body.recipients().type().equals("broadcast")) {
			users.addAll(requireDirectory("recipients.type").everyone());
		}
		else {
			List<String> refs = body.recipients().entityRef();
			if (refs == null || refs.isEmpty()) {
				throw new InvalidField("recipients.entityRef", "required when recipients.type is 'entity'");
			}
			for (int i = 0; i < refs.size(); i++) {
				users.addAll(expand("recipients.entityRef[" + i + "]", refs.get(i)));
			}
		}
		List<String> excluded = body.recipients().excludeEntityRef() == null ? List.of() : body.recipients().excludeEntityRef();
		for (int i = 0; i < excluded.size(); i++) {
			users.removeAll(expand("recipients.excludeEntityRef[" + i + "]", excluded.get(i)));
		}
		var payload = body.payload();
		return notifications.record(NotificationRequest.of(NotificationType.CUSTOM)
			.to(List.copyOf(users))
			.title(payload.title())
			.description(payload.description() == null ? "" : payload.description())
			.link(payload.link())
			.severity(payload.severity() == null ? Severity.NORMAL : Severity.valueOf(payload.severity().toUpperCase(Locale.ROOT)))
			.topic(payload.topic() == null ? NotificationRequest.DEFAULT_TOPIC : payload.topic())
			.scope(payload.scope())
			.origin(origin)
			.build()).stream().toList();
	}

	private List<String> expand(String field, String ref) {
		String normalized;
		try {
			normalized = EntityRefs.normalize(ref, "user");
		}
		catch (IllegalArgumentException e) {
			throw new InvalidField(field, e.getMessage());
		}
		if (normalized.startsWith("user:")) {
			return List.of(normalized);
		}
		if (normalized.startsWith("group:")) {
			return requireDirectory(field).membersOf(normalized).stream().map(EntityRefs::normalizeUser).toList();
		}
		throw new InvalidField(field, "'" + ref + "' is neither a user nor a group ref");
	}

	private RecipientDirectory requireDirectory(String field) {
		RecipientDirectory groups = directory.getIfAvailable();
		if (groups == null) {
			throw new InvalidField(field, "groups and broadcasts need a members directory (skillExchange.members)");
		}
		return groups;
	}
}

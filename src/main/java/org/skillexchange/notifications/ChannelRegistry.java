package org.skillexchange.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.skillexchange.notifications.spi.NotificationChannel;
import org.springframework.stereotype.Component;

/** The channel beans by id, in a stable order. */
@Component
class ChannelRegistry {

	private final Map<String, NotificationChannel> byId = new LinkedHashMap<>();

	ChannelRegistry(List<NotificationChannel> channels) {
		channels.stream()
			.sorted(java.util.Comparator.comparing(NotificationChannel::id))
			.forEach(channel -> byId.put(channel.id(), channel));
	}

	List<NotificationChannel> all() {
		return List.copyOf(byId.values());
	}

	Optional<NotificationChannel> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	boolean exists(String id) {
		return byId.containsKey(id);
	}
}

package org.skillexchange.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

import org.skillexchange.notifications.spi.NotificationChannel;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "channels": each channel on, off (with why) or paused (with the reason and fix). */
@Component("channels")
class ChannelsHealthIndicator extends AbstractHealthIndicator {

	private final ChannelRegistry channels;

	private final ChannelPauses pauses;

	ChannelsHealthIndicator(ChannelRegistry channels, ChannelPauses pauses) {
		this.channels = channels;
		this.pauses = pauses;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean anyPaused = false;
		for (NotificationChannel channel : channels.all()) {
			Map<String, Object> details = new LinkedHashMap<>();
			var pause = pauses.find(channel.id());
			var status = channel.status();
			if (!status.enabled()) {
				details.put("state", "off");
				details.put("reason", status.detail());
			}
			else if (pause.isPresent()) {
				anyPaused = true;
				details.put("state", "paused");
				details.put("reason", pause.get().reason());
				details.put("pausedAt", pause.get().pausedAt().toString());
				details.put("nextProbeAt", pause.get().nextProbeAt().toString());
			}
			else {
				details.put("state", "on");
				details.put("detail", status.detail());
			}
			builder.withDetail(channel.id(), details);
		}
		if (anyPaused) {
			builder.down();
		}
		else {
			builder.up();
		}
	}
}

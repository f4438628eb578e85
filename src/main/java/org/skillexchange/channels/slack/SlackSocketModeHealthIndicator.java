package org.skillexchange.channels.slack;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "slackSocketMode": connected (up), reconnecting (unknown, which
 * leaves the overall status alone while the SDK reconnects), or off with why (down only when Socket
 * Mode is configured but did not start).
 */
// Health names the component after the bean, less "HealthIndicator": "slackSocketMode".
@Component
@Conditional(SlackConfigured.class)
class SlackSocketModeHealthIndicator extends AbstractHealthIndicator {

	private final SlackSocketMode socketMode;

	SlackSocketModeHealthIndicator(SlackSocketMode socketMode) {
		this.socketMode = socketMode;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		var state = socketMode.state();
		switch (state.link()) {
			case CONNECTED -> builder.up().withDetail("state", "connected");
			case RECONNECTING -> builder.unknown().withDetail("state", "reconnecting");
			case OFF -> builder.up().withDetail("state", "off");
			case FAILED -> builder.down().withDetail("state", "off");
		}
		builder.withDetail(state.link() == SlackSocketMode.State.Link.CONNECTED
				|| state.link() == SlackSocketMode.State.Link.RECONNECTING ? "detail" : "reason", state.detail());
	}
}

package org.skillexchange.templates;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The channels that have templates: Backstage (and the inbox) get plain text, Slack gets mrkdwn and Block Kit. */
public enum TemplateChannel {
	BACKSTAGE, SLACK;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<TemplateChannel> byId(String id) {
		return Arrays.stream(values()).filter(channel -> channel.id().equalsIgnoreCase(id)).findFirst();
	}
}

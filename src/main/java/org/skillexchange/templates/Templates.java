package org.skillexchange.templates;

import org.skillexchange.notifications.spi.NotificationContent;

/** Renders recorded notifications for the channels that need more than plain text. */
public interface Templates {

	/** The Slack form: fallback {@code text} and Block Kit {@code blocks} (a JSON array), values escaped for mrkdwn. */
	SlackMessage renderSlack(NotificationContent notification);
}

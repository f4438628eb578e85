package org.skillexchange.channels.slack;

import org.skillexchange.notifications.spi.NotificationContent;
import org.skillexchange.templates.SlackMessage;
import org.skillexchange.templates.Templates;

/** A stand-in for the templates module in these tests: one section block from title and description, mrkdwn-escaped. */
class SimpleSlackTemplates implements Templates {

	@Override
	public SlackMessage renderSlack(NotificationContent notification) {
		String text = escape(notification.title()) + (notification.description() == null ? "" : "\n" + escape(notification.description()));
		String blocks = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + json(text) + "\"}}]";
		return new SlackMessage(escape(notification.title()), blocks);
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
	}
}

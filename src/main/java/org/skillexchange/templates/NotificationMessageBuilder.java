package org.skillexchange.templates;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;
import org.skillexchange.notifications.spi.PlainTextRenderer.PlainText;

/**
 * Replaces the rendering of one notification type in code, like the product's message builders: declare
 * a Spring bean that implements it and override {@link #backstage} and/or {@link #slack}. Each method gets
 * the notification's data (the documented variables, unescaped) and what the templates rendered, so a
 * builder can change one part and keep the rest. At most one builder per type and post type; one for a
 * post type wins over one for the whole type. Builders are checked with sample data at start.
 *
 * <pre>{@code
 * @Component
 * class ShortInquiry implements NotificationMessageBuilder {
 *
 *     public NotificationType type() {
 *         return NotificationType.GIG_INQUIRY;
 *     }
 *
 *     public PlainText backstage(Map<String, Object> data, PlainText rendered) {
 *         return new PlainText(rendered.title(), data.get("sender") + " wants to join " + data.get("postTitle"));
 *     }
 * }
 * }</pre>
 */
public interface NotificationMessageBuilder {

	NotificationType type();

	/** The post type this builder is for; null (the default) for every post type of {@link #type()}. */
	default @Nullable PostType postType() {
		return null;
	}

	/** Title and description for the inbox and Backstage, in plain text. Not called for {@code custom}. */
	default PlainText backstage(Map<String, Object> data, PlainText rendered) {
		return rendered;
	}

	/**
	 * The Slack fallback text and Block Kit blocks (a JSON array). Escape every data value you put into
	 * them with {@link #escapeForSlack} (text) or {@link #escapeForSlackJson} (inside a JSON string).
	 */
	default SlackMessage slack(Map<String, Object> data, SlackMessage rendered) {
		return rendered;
	}

	/** Slack mrkdwn escaping: {@code <!channel>} becomes {@code &lt;!channel&gt;}, so it is shown, not sent as a mention. */
	static String escapeForSlack(Object value) {
		return SlackEscaping.mrkdwn(String.valueOf(value));
	}

	/** Slack mrkdwn escaping plus JSON string escaping, for a value inside a quoted string of the blocks. */
	static String escapeForSlackJson(Object value) {
		return SlackEscaping.mrkdwnInJson(String.valueOf(value));
	}
}

package org.skillexchange.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * Slack's escaping, applied to every value before it reaches a template, so that neither {@code {{x}}}
 * nor {@code {{{x}}}} can turn user-written text into a mention, a link or broken JSON.
 */
final class SlackEscaping {

	private SlackEscaping() {
	}

	/** Slack's mrkdwn control characters: {@code <!channel>} becomes {@code &lt;!channel&gt;}. */
	static String mrkdwn(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** Escaped for mrkdwn and then for the inside of a JSON string literal (quotes, backslashes, newlines). */
	static String mrkdwnInJson(String text) {
		return new String(JsonStringEncoder.getInstance().quoteAsCharArray(mrkdwn(text)));
	}

	/** The model a Slack template renders with: every value escaped, and the {@code quote} section in Slack's form. */
	static Map<String, Object> templateModel(Map<String, Object> model, boolean json) {
		return Quote.offeredIn(model(model, json), json ? Quote.SLACK_JSON : Quote.SLACK_TEXT);
	}

	/** A copy of a template model with every string escaped; numbers and booleans are safe as they are. */
	static Map<String, Object> model(Map<String, Object> model, boolean json) {
		Map<String, Object> escaped = new LinkedHashMap<>();
		model.forEach((key, value) -> escaped.put(key, value(value, json)));
		return escaped;
	}

	@SuppressWarnings("unchecked")
	private static Object value(Object value, boolean json) {
		if (value instanceof Map<?, ?> map) {
			return model((Map<String, Object>) map, json);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(item -> value(item, json)).toList();
		}
		if (value instanceof CharSequence || value instanceof Enum<?>) {
			return json ? mrkdwnInJson(value.toString()) : mrkdwn(value.toString());
		}
		return value;
	}
}

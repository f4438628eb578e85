package org.skillexchange.templates;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * The {@code {{#quote}}…{{/quote}}} section: every line of what it renders starts with a quote marker,
 * so a message of several lines stays quoted as a whole. Slack's mrkdwn marks each quoted line with
 * {@code >}; inside the blocks' JSON a line break is the two characters {@code \n}.
 */
enum Quote implements Mustache.Lambda {

	PLAIN_TEXT("> "), SLACK_TEXT(">"), SLACK_JSON(">");

	static final String NAME = "quote";

	private final String marker;

	Quote(String marker) {
		this.marker = marker;
	}

	/** A copy of the model that also offers the {@code quote} section. */
	static Map<String, Object> offeredIn(Map<String, Object> model, Quote form) {
		Map<String, Object> withQuote = new LinkedHashMap<>(model);
		withQuote.put(NAME, form);
		return withQuote;
	}

	@Override
	public void execute(Template.Fragment fragment, Writer out) throws IOException {
		out.write(quoted(fragment.execute()));
	}

	String quoted(String text) {
		var quoted = new StringBuilder(marker);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (this == SLACK_JSON && c == '\\' && i + 1 < text.length()) {
				// An escape pair: only an escaped n is a line break; an escaped backslash followed by n is not.
				char escaped = text.charAt(++i);
				quoted.append(c).append(escaped);
				if (escaped == 'n') {
					quoted.append(marker);
				}
			}
			else {
				quoted.append(c);
				if (this != SLACK_JSON && c == '\n') {
					quoted.append(marker);
				}
			}
		}
		return quoted.toString();
	}
}

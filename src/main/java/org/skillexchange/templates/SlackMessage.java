package org.skillexchange.templates;

/** A Slack message body: plain fallback text and the Block Kit blocks as a JSON array string. */
public record SlackMessage(String text, String blocksJson) {
}

package org.skillexchange.templates;

/** The templates of one notification: two per channel. Names are the config keys and the file names. */
enum TemplatePart {

	BACKSTAGE_TITLE("backstage", "title", "backstage.title"),
	BACKSTAGE_DESCRIPTION("backstage", "description", "backstage.description"),
	SLACK_TEXT("slack", "text", "slack.text"),
	SLACK_BLOCKS("slack", "blocks", "slack.blocks.json");

	private final String channel;

	private final String field;

	private final String fileSuffix;

	TemplatePart(String channel, String field, String fileSuffix) {
		this.channel = channel;
		this.field = field;
		this.fileSuffix = fileSuffix;
	}

	String channel() {
		return channel;
	}

	String field() {
		return field;
	}

	/** {@code gig.inquiry.mentorship} becomes {@code gig.inquiry.mentorship.slack.blocks.json.mustache}. */
	String fileName(String templateKey) {
		return templateKey + "." + fileSuffix + ".mustache";
	}

	boolean isSlack() {
		return channel.equals("slack");
	}
}

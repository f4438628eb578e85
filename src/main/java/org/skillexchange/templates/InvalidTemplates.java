package org.skillexchange.templates;

import java.util.List;

/** Templates or message builders that would fail or break Slack's rules; one line per problem, each with its fix. */
public class InvalidTemplates extends RuntimeException {

	private final List<String> problems;

	public InvalidTemplates(List<String> problems) {
		super("invalid notification templates:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}
}

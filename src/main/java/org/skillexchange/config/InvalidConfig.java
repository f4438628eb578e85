package org.skillexchange.config;

import java.util.List;

/** The configuration cannot be used; each problem is one line naming the key path (or file) and the fix. */
public class InvalidConfig extends RuntimeException {

	private final List<String> problems;

	public InvalidConfig(List<String> problems) {
		super(String.join("\n", problems));
		this.problems = List.copyOf(problems);
	}

	public InvalidConfig(String problem) {
		this(List.of(problem));
	}

	public List<String> problems() {
		return problems;
	}
}

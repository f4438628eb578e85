package org.skillexchange.diagnostics;

import org.jspecify.annotations.Nullable;

/**
 * One line of {@code doctor}: what was checked, whether it passed, what was found and, when it failed,
 * the exact fix. Details and fixes never contain secrets.
 */
public record Check(String name, State state, String detail, @Nullable String fix) {

	public enum State {
		PASSED, FAILED, SKIPPED
	}

	public static Check passed(String name, String detail) {
		return new Check(name, State.PASSED, detail, null);
	}

	public static Check failed(String name, String problem, @Nullable String fix) {
		return new Check(name, State.FAILED, problem, fix);
	}

	public static Check skipped(String name, String why) {
		return new Check(name, State.SKIPPED, why, null);
	}

	public boolean failed() {
		return state == State.FAILED;
	}
}

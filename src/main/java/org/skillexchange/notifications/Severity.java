package org.skillexchange.notifications;

import java.util.Locale;

/** Backstage's severities; most Skill Exchange notifications are normal. */
public enum Severity {
	CRITICAL, HIGH, NORMAL, LOW;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}
}

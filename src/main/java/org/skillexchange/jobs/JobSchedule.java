package org.skillexchange.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.scheduling.support.CronExpression;

/** When a job is due next. */
public sealed interface JobSchedule {

	/** The first time strictly after {@code after} that the job is due. */
	Instant next(Instant after, ZoneId zone);

	/** A Spring cron expression: six fields, seconds first ({@code "0 0 14 * * 1"} is Mondays at 14:00). */
	static JobSchedule cron(String expression) {
		return new Cron(CronExpression.parse(expression), expression);
	}

	static JobSchedule every(Duration interval) {
		return new Every(interval);
	}

	record Cron(CronExpression expression, String text) implements JobSchedule {

		@Override
		public Instant next(Instant after, ZoneId zone) {
			ZonedDateTime next = expression.next(after.atZone(zone));
			if (next == null) {
				throw new IllegalStateException("Cron expression '" + text + "' never fires again");
			}
			return next.toInstant();
		}

		@Override
		public String toString() {
			return "cron \"" + text + "\"";
		}
	}

	record Every(Duration interval) implements JobSchedule {

		@Override
		public Instant next(Instant after, ZoneId zone) {
			return after.plus(interval);
		}

		@Override
		public String toString() {
			return "every " + interval;
		}
	}
}

package org.skillexchange.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the jobs that are due. Each job has one {@code scheduled_job} row: the runner locks it with
 * {@code FOR UPDATE SKIP LOCKED}, so while one instance runs a job the others skip it, and once it has
 * committed they see its next due time. The first run of a job only sets its watermark.
 */
public class Jobs {

	/** How far behind the clock a window ends: longer than a domain transaction takes to commit. */
	static final Duration SETTLE = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(Jobs.class);

	private final List<ScheduledJob> jobs;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate separateTransaction;

	private final Clock clock;

	Jobs(List<ScheduledJob> jobs, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jobs = List.copyOf(jobs);
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.separateTransaction = new TransactionTemplate(transactions);
		this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** The jobs this instance knows, with their schedules, for the startup summary and docs. */
	public List<String> describe() {
		return jobs.stream().map(job -> job.name() + " (" + job.schedule() + ")").toList();
	}

	/** Runs every due job once; returns the names of the jobs that did work (not the ones that only seeded). */
	public List<String> runDue() {
		List<String> ran = new ArrayList<>();
		for (ScheduledJob job : jobs) {
			try {
				if (runIfDue(job)) {
					ran.add(job.name());
				}
			}
			catch (RuntimeException e) {
				// The transaction rolled back: the watermark stays, so the next poll retries the same window.
				log.error("Job {} failed and will be retried: {}", job.name(), e.getMessage(), e);
			}
		}
		return ran;
	}

	private boolean runIfDue(ScheduledJob job) {
		ensureRow(job.name());
		Boolean ran = transaction.execute(status -> {
			Optional<Row> row = jdbc.sql("select watermark, next_run_at from scheduled_job where name = ? for update skip locked")
				.param(job.name())
				.query((rs, n) -> new Row(instant(rs.getObject("watermark", OffsetDateTime.class)),
						instant(rs.getObject("next_run_at", OffsetDateTime.class))))
				.optional();
			if (row.isEmpty()) {
				return false; // another instance is running it right now
			}
			Instant now = clock.instant();
			Instant watermark = row.get().watermark();
			Instant nextRun = row.get().nextRunAt();
			if (watermark != null && nextRun != null && now.isBefore(nextRun)) {
				return false;
			}
			Instant until = now.minus(SETTLE);
			if (watermark != null) {
				job.run(new JobWindow(watermark, until, now));
				log.info("Job {} ran for ({} .. {}]", job.name(), watermark, until);
			}
			else {
				log.info("Job {} seen for the first time: watermark set to {}, nothing sent", job.name(), until);
			}
			jdbc.sql("update scheduled_job set watermark = ?, next_run_at = ?, last_run_at = ? where name = ?")
				.params(at(until), at(job.schedule().next(now, clock.getZone())), at(now), job.name())
				.update();
			return watermark != null;
		});
		return Boolean.TRUE.equals(ran);
	}

	private void ensureRow(String name) {
		boolean exists = jdbc.sql("select count(*) from scheduled_job where name = ?").param(name).query(Long.class).single() > 0;
		if (exists) {
			return;
		}
		try {
			separateTransaction.executeWithoutResult(status -> jdbc.sql("insert into scheduled_job (name) values (?)").param(name).update());
		}
		catch (DataIntegrityViolationException e) {
			// Another instance inserted it first; that is all we wanted.
		}
	}

	private record Row(@Nullable Instant watermark, @Nullable Instant nextRunAt) {
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}

package org.skillexchange.gigs;

import java.time.Duration;
import java.time.Instant;

import org.skillexchange.jobs.JobSchedule;
import org.skillexchange.jobs.JobWindow;
import org.skillexchange.jobs.ScheduledJob;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.Notifications;
import org.springframework.stereotype.Component;

/**
 * Weekly, Mondays at 14:00: reminds each contact of connections still {@code CONNECTED} on open gigs
 * more than 7 days after they were made, unless the contact stopped reminders for that connection.
 */
@Component
class InquiryReminderJob implements ScheduledJob {

	static final String SCHEDULE = "0 0 14 * * 1";

	static final Duration PENDING_FOR = Duration.ofDays(7);

	private final GigRepository repository;

	private final Gigs gigs;

	private final Notifications notifications;

	InquiryReminderJob(GigRepository repository, Gigs gigs, Notifications notifications) {
		this.repository = repository;
		this.gigs = gigs;
		this.notifications = notifications;
	}

	@Override
	public String name() {
		return NotificationType.GIG_INQUIRY_REMINDER.id();
	}

	@Override
	public JobSchedule schedule() {
		return JobSchedule.cron(SCHEDULE);
	}

	@Override
	public void run(JobWindow window) {
		Instant now = window.startedAt();
		for (Connection connection : repository.pendingOnOpenGigs(now.minus(PENDING_FOR))) {
			Gig gig = gigs.get(connection.gigId());
			long days = Duration.between(connection.createdAt(), now).toDays();
			notifications.record(gigs.about(NotificationType.GIG_INQUIRY_REMINDER, gig)
				.to(gig.contact())
				.data("sender", gigs.displayName(connection.user()))
				.data("duration", days + (days == 1 ? " day" : " days"))
				.data("connectionId", connection.id().toString())
				.data("gigId", gig.id().toString())
				.data("requester", connection.user())
				.build());
		}
	}
}

package org.skillexchange.searches;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.skillexchange.gigs.Gig;
import org.skillexchange.gigs.Gigs;
import org.skillexchange.jobs.JobSchedule;
import org.skillexchange.jobs.JobWindow;
import org.skillexchange.jobs.ScheduledJob;
import org.skillexchange.notifications.NotificationRequest;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.Notifications;
import org.springframework.stereotype.Component;

/**
 * Every minute: posts created since the last run that match someone's saved search. One message per
 * owner and post, however many of their searches match; never about the owner's own post.
 */
@Component
class SearchMatchJob implements ScheduledJob {

	static final String TITLE = "New Post Match";

	private final Gigs gigs;

	private final SavedSearchRepository searches;

	private final Notifications notifications;

	SearchMatchJob(Gigs gigs, SavedSearchRepository searches, Notifications notifications) {
		this.gigs = gigs;
		this.searches = searches;
		this.notifications = notifications;
	}

	@Override
	public String name() {
		return NotificationType.SEARCH_MATCH.id();
	}

	@Override
	public JobSchedule schedule() {
		return JobSchedule.every(Duration.ofMinutes(1));
	}

	@Override
	public void run(JobWindow window) {
		for (Gig gig : gigs.createdBetween(window.since(), window.until())) {
			Set<String> told = new HashSet<>();
			for (SavedSearch search : searches.byType(gig.type())) {
				if (SearchMatcher.matches(search, gig) && told.add(search.owner())) {
					String url = gigs.postUrl(gig);
					notifications.record(NotificationRequest.of(NotificationType.SEARCH_MATCH)
						.postType(gig.type().postType())
						.to(search.owner())
						.actor(gig.createdBy())
						.title(TITLE)
						.link(url)
						.data("postTitle", gig.title())
						.data("postUrl", url)
						.data("savedSearchId", search.id().toString())
						.build());
				}
			}
		}
	}
}

package org.skillexchange.hacks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.skillexchange.jobs.JobSchedule;
import org.skillexchange.jobs.JobWindow;
import org.skillexchange.jobs.ScheduledJob;
import org.skillexchange.notifications.NotificationRequest;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.Notifications;
import org.skillexchange.notifications.PostType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On {@code skillExchange.hackUpdateNotificationsCron} (no digest when the key is absent): one message per
 * follower covering every followed hack that others updated or commented on in the window. A follower's
 * own edits and comments never count, so nobody is told about their own change.
 */
@Component
@ConditionalOnProperty(prefix = "skill-exchange", name = "hack-update-notifications-cron")
class HackDigestJob implements ScheduledJob {

	static final String TITLE = "Skill Exchange Digest";

	private final HackRepository repository;

	private final Hacks hacks;

	private final Notifications notifications;

	private final JobSchedule schedule;

	HackDigestJob(HackRepository repository, Hacks hacks, Notifications notifications, HackSettings settings) {
		this.repository = repository;
		this.hacks = hacks;
		this.notifications = notifications;
		this.schedule = JobSchedule.cron(String.valueOf(settings.hackUpdateNotificationsCron()));
	}

	@Override
	public String name() {
		return NotificationType.HACK_DIGEST.id();
	}

	@Override
	public JobSchedule schedule() {
		return schedule;
	}

	@Override
	public void run(JobWindow window) {
		Map<UUID, List<HackRepository.Activity>> byHack = new LinkedHashMap<>();
		repository.activityBetween(window.since(), window.until())
			.forEach(activity -> byHack.computeIfAbsent(activity.hackId(), id -> new ArrayList<>()).add(activity));
		Map<String, List<Map<String, Object>>> perFollower = new TreeMap<>();
		byHack.forEach((hackId, activities) -> repository.find(hackId).ifPresent(hack -> {
			for (String follower : hack.followers()) {
				long comments = count(activities, follower, HackRepository.ActivityKind.COMMENT);
				long updates = count(activities, follower, HackRepository.ActivityKind.UPDATE);
				if (comments + updates > 0) {
					perFollower.computeIfAbsent(follower, f -> new ArrayList<>())
						.add(Map.of("postUrl", hacks.postUrl(hack), "postTitle", hack.name(), "newComments", comments,
								"newUpdates", updates));
				}
			}
		}));
		perFollower.forEach((follower, entries) -> notifications.record(NotificationRequest.of(NotificationType.HACK_DIGEST)
			.postType(PostType.HACK)
			.to(follower)
			.title(TITLE)
			.link(hacks.followingPage())
			.data("posts", entries)
			.data("followingUrl", hacks.followingPage())
			.build()));
	}

	private static long count(List<HackRepository.Activity> activities, String follower, HackRepository.ActivityKind kind) {
		return activities.stream().filter(a -> a.kind() == kind && !a.actor().equals(follower)).count();
	}
}

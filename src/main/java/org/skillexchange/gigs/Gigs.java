package org.skillexchange.gigs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.skillexchange.config.SiteSettings;
import org.skillexchange.members.Member;
import org.skillexchange.members.MemberDirectory;
import org.skillexchange.entities.EntityRefs;
import org.skillexchange.notifications.NotificationRequest;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.Notifications;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Embeds, mentorships and their connections. Every change records its notifications in the same
 * transaction, so a change that commits has them and one that rolls back has none; a channel being
 * down never blocks the change.
 */
@Service
public class Gigs {

	private final GigRepository repository;

	private final MemberDirectory members;

	private final Notifications notifications;

	private final PostLinks links;

	private final List<String> admins;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Gigs(GigRepository repository, MemberDirectory members, Notifications notifications, GigSettings settings,
			SiteSettings.App app, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.members = members;
		this.notifications = notifications;
		this.links = new PostLinks(app.baseUrl(), settings);
		this.admins = settings.admin().postCleanupAdmins().stream().map(EntityRefs::normalizeUser).toList();
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public Gig create(String author, GigDraft draft) {
		Instant now = clock.instant();
		Gig gig = fromDraft(UUID.randomUUID(), GigStatus.OPEN, draft, author, now, author, now);
		repository.insert(gig);
		events.publishEvent(new GigEvents.GigPosted(gig.id(), gig.type(), author));
		return gig;
	}

	@Transactional
	public Gig update(String editor, UUID gigId, GigDraft draft) {
		Gig current = lockedGig(gigId);
		requireManager(current, editor, "edit");
		if (draft.type() != current.type()) {
			throw new InvalidGigInput("type", "a gig's type cannot change (it is " + current.type() + ")");
		}
		Gig updated = fromDraft(gigId, current.status(), draft, current.createdBy(), current.createdAt(), editor, clock.instant());
		repository.update(updated);
		return updated;
	}

	/** Owners and the contact may set any status; post-cleanup admins may archive anyone's post. */
	@Transactional
	public Gig changeStatus(String editor, UUID gigId, GigStatus status) {
		Gig gig = lockedGig(gigId);
		if (!gig.isManagedBy(editor) && !(status == GigStatus.ARCHIVED && admins.contains(editor))) {
			throw new NotAllowedToManageGig(gigId, editor, "change the status");
		}
		if (gig.status() == status) {
			return gig;
		}
		Gig changed = withStatus(gig, status, editor, clock.instant());
		repository.update(changed);
		return changed;
	}

	@Transactional
	public void delete(String editor, UUID gigId) {
		Gig gig = lockedGig(gigId);
		if (!gig.owners().contains(editor) && !admins.contains(editor)) {
			throw new NotAllowedToManageGig(gigId, editor, "delete");
		}
		repository.delete(gigId);
	}

	@Transactional(readOnly = true)
	public Gig get(UUID gigId) {
		return repository.find(gigId).orElseThrow(() -> new GigNotFound(gigId));
	}

	@Transactional(readOnly = true)
	public GigPage list(@Nullable GigType type, @Nullable GigStatus status, int page, int size) {
		return new GigPage(repository.page(type, status, page, size), page, size, repository.count(type, status));
	}

	/** Gigs created in {@code (since, until]}, for the saved-search job. */
	@Transactional(readOnly = true)
	public List<Gig> createdBetween(Instant since, Instant until) {
		return repository.createdBetween(since, until);
	}

	/** The post's link as notifications show it. */
	public String postUrl(Gig gig) {
		return links.postUrl(gig);
	}

	/**
	 * "I'm interested": creates the one connection of this user to this gig and tells the contact and the
	 * requester. Asking again returns the existing connection and notifies no one.
	 */
	@Transactional
	public Connection connect(String requester, UUID gigId, @Nullable String message) {
		Gig gig = lockedGig(gigId);
		Member sender = members.require(requester);
		var existing = repository.findConnection(gigId, requester);
		if (existing.isPresent()) {
			return existing.get();
		}
		if (gig.status() != GigStatus.OPEN) {
			throw new GigNotOpen(gigId, gig.status());
		}
		Instant now = clock.instant();
		String text = message == null || message.isBlank() ? null : message.strip();
		var connection = new Connection(UUID.randomUUID(), gigId, requester, ConnectionStatus.CONNECTED, text, false, now, now);
		repository.insert(connection);
		notifications.record(about(NotificationType.GIG_INQUIRY, gig)
			.to(gig.contact())
			.actor(requester)
			.data("sender", sender.displayName())
			.data("customMessage", text)
			.data("connectionId", connection.id().toString())
			.data("gigId", gigId.toString())
			.data("requester", requester)
			.build());
		// A confirmation goes to the actor themselves, so it names no actor (the recorder skips the actor).
		notifications.record(about(NotificationType.GIG_INQUIRY_CONFIRMATION, gig)
			.to(requester)
			.data("postContact", displayName(gig.contact()))
			.build());
		events.publishEvent(new GigEvents.ConnectionRequested(connection.id(), gigId, requester));
		return connection;
	}

	@Transactional(readOnly = true)
	boolean connectionBelongsTo(UUID connectionId, UUID gigId) {
		return repository.findConnection(connectionId).filter(c -> c.gigId().equals(gigId)).isPresent();
	}

	@Transactional(readOnly = true)
	public List<Connection> connections(String viewer, UUID gigId) {
		Gig gig = get(gigId);
		List<Connection> all = repository.connections(gigId);
		return gig.isManagedBy(viewer) ? all : all.stream().filter(c -> c.user().equals(viewer)).toList();
	}

	/**
	 * The post side's decision on a connection, on behalf of {@code actor} (from the API or a Slack button).
	 * Only owners and the contact may decide; repeating a decision (a double click) changes nothing and
	 * notifies no one.
	 */
	@Transactional
	public Connection changeConnection(String actor, UUID connectionId, ConnectionStatus status) {
		if (status == ConnectionStatus.CONNECTED) {
			throw new InvalidGigInput("status", "must be ACCEPTED, DECLINED or REMOVED");
		}
		Connection connection = repository.findConnection(connectionId).orElseThrow(() -> new ConnectionNotFound(connectionId));
		Gig gig = lockedGig(connection.gigId());
		requireManager(gig, actor, "change the connections");
		// Re-read under the gig's lock: a concurrent click may have decided already.
		connection = repository.findConnection(connectionId).orElseThrow(() -> new ConnectionNotFound(connectionId));
		if (connection.status() == status) {
			return connection;
		}
		Connection changed = new Connection(connection.id(), connection.gigId(), connection.user(), status,
				connection.message(), connection.remindersStopped(), connection.createdAt(), clock.instant());
		repository.update(changed);
		String participant = displayName(connection.user());
		switch (status) {
			case ACCEPTED -> {
				notifications.record(about(NotificationType.GIG_PARTICIPANT_ADDED, gig)
					.to(connection.user())
					.actor(actor)
					.data("postContact", displayName(gig.contact()))
					.data("participant", participant)
					.build());
				notifications.record(about(NotificationType.GIG_PARTICIPANT_ADDED_CONFIRMATION, gig)
					.to(gig.contact())
					.data("participant", participant)
					.build());
			}
			case DECLINED -> notifications.record(about(NotificationType.GIG_PARTICIPANT_DECLINED, gig)
				.to(connection.user())
				.actor(actor)
				.data("postContact", displayName(gig.contact()))
				.data("participant", participant)
				.build());
			default -> {
				// The product tells no one about a removal.
			}
		}
		events.publishEvent(new GigEvents.ConnectionStatusChanged(connectionId, gig.id(), connection.user(), status, actor));
		return changed;
	}

	/** "Stop reminders": the weekly reminder skips this connection from now on. Repeating it is harmless. */
	@Transactional
	public Connection stopReminders(String actor, UUID connectionId) {
		Connection connection = repository.findConnection(connectionId).orElseThrow(() -> new ConnectionNotFound(connectionId));
		Gig gig = lockedGig(connection.gigId());
		requireManager(gig, actor, "stop reminders for the connections");
		if (connection.remindersStopped()) {
			return connection;
		}
		Connection stopped = new Connection(connection.id(), connection.gigId(), connection.user(), connection.status(),
				connection.message(), true, connection.createdAt(), clock.instant());
		repository.update(stopped);
		return stopped;
	}

	NotificationRequest.Builder about(NotificationType type, Gig gig) {
		String url = links.postUrl(gig);
		return NotificationRequest.of(type)
			.postType(gig.type().postType())
			.title(gig.title())
			.link(url)
			.data("postTitle", gig.title())
			.data("postUrl", url);
	}

	String displayName(String ref) {
		return members.find(ref).map(Member::displayName).orElse(ref);
	}

	private Gig lockedGig(UUID gigId) {
		return repository.findForUpdate(gigId).orElseThrow(() -> new GigNotFound(gigId));
	}

	private static void requireManager(Gig gig, String user, String action) {
		if (!gig.isManagedBy(user)) {
			throw new NotAllowedToManageGig(gig.id(), user, action);
		}
	}

	private Gig fromDraft(UUID id, GigStatus status, GigDraft draft, String createdBy, Instant createdAt, String updatedBy,
			Instant updatedAt) {
		if (draft.type() == null) {
			throw new InvalidGigInput("type", "must be EMBED or MENTORSHIP");
		}
		if (draft.title() == null || draft.title().isBlank()) {
			throw new InvalidGigInput("title", "must not be blank");
		}
		if (draft.type() == GigType.MENTORSHIP && draft.mentorship() == null) {
			throw new InvalidGigInput("mentorship", "a mentorship needs meetType and requestType");
		}
		String contact = person("contact", draft.contact());
		List<String> owners = new ArrayList<>();
		for (int i = 0; i < draft.owners().size(); i++) {
			owners.add(person("owners[" + i + "]", draft.owners().get(i)));
		}
		if (owners.isEmpty()) {
			owners.add(updatedBy);
		}
		return new Gig(id, draft.type(), status, draft.title().strip(), draft.detail(), draft.description(),
				List.copyOf(new LinkedHashSet<>(draft.skills())), draft.location(), draft.resources(), contact,
				List.copyOf(new LinkedHashSet<>(owners)), draft.type() == GigType.EMBED ? draft.embed() : null,
				draft.type() == GigType.MENTORSHIP ? draft.mentorship() : null, createdBy, createdAt, updatedBy, updatedAt);
	}

	private String person(String field, @Nullable String ref) {
		if (ref == null || ref.isBlank()) {
			throw new InvalidGigInput(field, "must be a user entity ref such as user:default/jdoe");
		}
		String normalized;
		try {
			normalized = EntityRefs.normalizeUser(ref);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidGigInput(field, e.getMessage());
		}
		if (members.find(normalized).isEmpty()) {
			throw new InvalidGigInput(field, "no user " + normalized + " in the members directory");
		}
		return normalized;
	}

	private static Gig withStatus(Gig gig, GigStatus status, String by, Instant at) {
		return new Gig(gig.id(), gig.type(), Objects.requireNonNull(status), gig.title(), gig.detail(), gig.description(),
				gig.skills(), gig.location(), gig.resources(), gig.contact(), gig.owners(), gig.embed(), gig.mentorship(),
				gig.createdBy(), gig.createdAt(), by, at);
	}
}

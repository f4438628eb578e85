package org.skillexchange.hacks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.skillexchange.config.SiteSettings;
import org.skillexchange.members.Member;
import org.skillexchange.members.MemberDirectory;
import org.skillexchange.entities.EntityRefs;
import org.skillexchange.notifications.NotificationRequest;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.Notifications;
import org.skillexchange.notifications.PostType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hack projects. Edits and comments are logged with their actor and time for the followers' digest;
 * notifications are recorded in the same transaction as the change.
 */
@Service
public class Hacks {

	private final HackRepository repository;

	private final MemberDirectory members;

	private final Notifications notifications;

	private final String hacksPage;

	private final List<String> admins;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Hacks(HackRepository repository, MemberDirectory members, Notifications notifications, HackSettings settings,
			SiteSettings.App app, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.members = members;
		this.notifications = notifications;
		this.hacksPage = app.baseUrl().toString().replaceAll("/+$", "") + "/skill-exchange/" + settings.hacksPath();
		this.admins = settings.admin().postCleanupAdmins().stream().map(EntityRefs::normalizeUser).toList();
		this.clock = clock;
		this.events = events;
	}

	/** Creating sends nothing, whoever the members are (as in the product). */
	@Transactional
	public Hack create(String author, HackDraft draft) {
		Instant now = clock.instant();
		boolean suggestion = draft.status() == HackStatus.UNCLAIMED && draft.members().isEmpty();
		List<String> team = suggestion ? List.of() : people(draft.members(), author);
		String contact = suggestion ? null : draft.pointOfContact() == null ? author : person("pointOfContact", draft.pointOfContact());
		HackStatus status = draft.status() == null ? HackStatus.LOOKING_FOR_MEMBERS : draft.status();
		Hack hack = build(UUID.randomUUID(), draft, status, team, contact, List.of(), suggestion ? author : null, author, now,
				author, now);
		repository.insert(hack);
		events.publishEvent(new HackEvents.HackCreated(hack.id(), author));
		return hack;
	}

	/** Only members edit; each member the edit adds is told (not the editor, who knows). */
	@Transactional
	public Hack update(String editor, UUID hackId, HackDraft draft) {
		Hack current = locked(hackId);
		if (!current.isEditableBy(editor)) {
			throw new NotAllowedOnHack(hackId, editor, "only its members edit a hack");
		}
		// An edit that names no members keeps the team: emptying it would leave no one able to edit the hack.
		List<String> team = draft.members().isEmpty() ? current.members() : people(draft.members(), null);
		String contact = draft.pointOfContact() == null ? current.pointOfContact() : person("pointOfContact", draft.pointOfContact());
		HackStatus status = draft.status() == null ? current.status() : draft.status();
		Instant now = clock.instant();
		Hack updated = build(hackId, draft, status, team, contact, current.followers(), current.suggestedBy(),
				current.createdBy(), current.createdAt(), editor, now);
		repository.update(updated);
		repository.recordActivity(hackId, editor, HackRepository.ActivityKind.UPDATE, now);
		List<String> added = team.stream().filter(member -> !current.members().contains(member)).toList();
		added.forEach(member -> notifyAdded(updated, member, editor));
		events.publishEvent(new HackEvents.HackUpdated(hackId, editor, added));
		return updated;
	}

	/** Adopts a suggestion: the claimer becomes its point of contact and first member. */
	@Transactional
	public Hack claim(String claimer, UUID hackId) {
		Hack hack = locked(hackId);
		members.require(claimer);
		if (!hack.isAdoptable()) {
			throw new HackNotAdoptable(hackId);
		}
		Instant now = clock.instant();
		Hack claimed = new Hack(hackId, hack.name(), HackStatus.LOOKING_FOR_MEMBERS, hack.pitch(), hack.description(),
				List.of(claimer), claimer, hack.followers(), hack.suggestedBy(), hack.tags(), hack.skills(), hack.teamLocation(),
				hack.communicationChannel(), hack.repositoryUrls(), hack.recruitingHeadline(), hack.createdBy(),
				hack.createdAt(), claimer, now);
		repository.update(claimed);
		repository.recordActivity(hackId, claimer, HackRepository.ActivityKind.UPDATE, now);
		events.publishEvent(new HackEvents.HackUpdated(hackId, claimer, List.of(claimer)));
		return claimed;
	}

	/**
	 * Adds one member on behalf of {@code actor}, a member already (the Slack "Add to team" button and the
	 * API). Adding someone who is already a member changes nothing and notifies no one.
	 */
	@Transactional
	public Hack addMember(String actor, UUID hackId, String newMember) {
		Hack hack = locked(hackId);
		if (!hack.members().contains(actor)) {
			throw new NotAllowedOnHack(hackId, actor, "only its members add members");
		}
		String member = person("member", newMember);
		if (hack.members().contains(member)) {
			return hack;
		}
		List<String> team = new ArrayList<>(hack.members());
		team.add(member);
		team.sort(null);
		Instant now = clock.instant();
		Hack updated = new Hack(hackId, hack.name(), hack.status(), hack.pitch(), hack.description(), List.copyOf(team),
				hack.pointOfContact(), hack.followers(), hack.suggestedBy(), hack.tags(), hack.skills(), hack.teamLocation(),
				hack.communicationChannel(), hack.repositoryUrls(), hack.recruitingHeadline(), hack.createdBy(),
				hack.createdAt(), actor, now);
		repository.update(updated);
		repository.recordActivity(hackId, actor, HackRepository.ActivityKind.UPDATE, now);
		notifyAdded(updated, member, actor);
		events.publishEvent(new HackEvents.HackUpdated(hackId, actor, List.of(member)));
		return updated;
	}

	/** Members delete their hack; post-cleanup admins may delete anyone's. */
	@Transactional
	public void delete(String editor, UUID hackId) {
		Hack hack = locked(hackId);
		if (!hack.isEditableBy(editor) && !admins.contains(editor)) {
			throw new NotAllowedOnHack(hackId, editor, "only its members or an admin delete a hack");
		}
		repository.delete(hackId);
	}

	@Transactional(readOnly = true)
	public Hack get(UUID hackId) {
		return repository.find(hackId).orElseThrow(() -> new HackNotFound(hackId));
	}

	@Transactional(readOnly = true)
	public HackPage list(@Nullable HackStatus status, int page, int size) {
		return new HackPage(repository.page(status, page, size), page, size, repository.count(status));
	}

	@Transactional
	public Hack follow(String user, UUID hackId) {
		locked(hackId);
		members.require(user);
		repository.follow(hackId, user);
		return get(hackId);
	}

	@Transactional
	public Hack unfollow(String user, UUID hackId) {
		locked(hackId);
		repository.unfollow(hackId, user);
		return get(hackId);
	}

	@Transactional(readOnly = true)
	public List<HackComment> comments(UUID hackId) {
		get(hackId);
		return repository.comments(hackId);
	}

	/** Anyone may comment; followers hear of it in the digest, members are not notified (as in the product). */
	@Transactional
	public HackComment comment(String author, UUID hackId, String message, @Nullable UUID replyingTo) {
		locked(hackId);
		members.require(author);
		if (replyingTo != null && repository.findComment(replyingTo).filter(c -> c.hackId().equals(hackId)).isEmpty()) {
			throw new InvalidHackInput("replyingTo", "no comment " + replyingTo + " on this hack");
		}
		Instant now = clock.instant();
		var comment = new HackComment(UUID.randomUUID(), hackId, author, text("message", message), replyingTo, false, now, now);
		repository.insert(comment);
		repository.recordActivity(hackId, author, HackRepository.ActivityKind.COMMENT, now);
		events.publishEvent(new HackEvents.HackCommented(hackId, comment.id(), author));
		return comment;
	}

	@Transactional
	public HackComment editComment(String author, UUID commentId, String message) {
		HackComment comment = repository.findComment(commentId).orElseThrow(() -> new CommentNotFound(commentId));
		if (!comment.author().equals(author)) {
			throw new NotAllowedOnHack(comment.hackId(), author, "only a comment's author edits it");
		}
		Instant now = clock.instant();
		var edited = new HackComment(commentId, comment.hackId(), author, text("message", message), comment.replyingTo(), true,
				comment.createdAt(), now);
		repository.update(edited);
		repository.recordActivity(comment.hackId(), author, HackRepository.ActivityKind.COMMENT, now);
		events.publishEvent(new HackEvents.HackCommented(comment.hackId(), commentId, author));
		return edited;
	}

	/** "I want to join": tells the point of contact (the members when there is none) and confirms to the requester. */
	@Transactional
	public void inquire(String requester, UUID hackId, @Nullable String message) {
		Hack hack = get(hackId);
		Member sender = members.require(requester);
		List<String> contacts = hack.pointOfContact() != null ? List.of(hack.pointOfContact()) : hack.members();
		if (contacts.isEmpty()) {
			throw new InvalidHackInput("hackId", "hack " + hackId + " has no point of contact or members to ask yet; claim it instead");
		}
		String text = message == null || message.isBlank() ? null : message.strip();
		notifications.record(about(NotificationType.HACK_INQUIRY, hack)
			.to(contacts)
			.actor(requester)
			.data("sender", sender.displayName())
			.data("customMessage", text)
			.data("postContact", displayName(contacts.get(0)))
			.data("hackId", hackId.toString())
			.data("requester", requester)
			.build());
		// A confirmation goes to the actor themselves, so it names no actor (the recorder skips the actor).
		notifications.record(about(NotificationType.HACK_INQUIRY_CONFIRMATION, hack)
			.to(requester)
			.data("postContact", displayName(contacts.get(0)))
			.build());
	}

	String postUrl(Hack hack) {
		return hacksPage + "/post/" + hack.id();
	}

	/** The hacks page on the "following" tab, where the digest links. */
	String followingPage() {
		return hacksPage + "?tab=following";
	}

	private void notifyAdded(Hack hack, String member, String actor) {
		notifications.record(about(NotificationType.HACK_MEMBER_ADDED, hack)
			.to(member)
			.actor(actor)
			.data("participant", displayName(member))
			.data("hackId", hack.id().toString())
			.build());
	}

	private NotificationRequest.Builder about(NotificationType type, Hack hack) {
		String url = postUrl(hack);
		return NotificationRequest.of(type)
			.postType(PostType.HACK)
			.title(hack.name())
			.link(url)
			.data("postTitle", hack.name())
			.data("postUrl", url);
	}

	private String displayName(String ref) {
		return members.find(ref).map(Member::displayName).orElse(ref);
	}

	private Hack locked(UUID hackId) {
		return repository.findForUpdate(hackId).orElseThrow(() -> new HackNotFound(hackId));
	}

	private List<String> people(List<String> refs, @Nullable String always) {
		var people = new LinkedHashSet<String>();
		if (always != null) {
			people.add(always);
		}
		for (int i = 0; i < refs.size(); i++) {
			people.add(person("members[" + i + "]", refs.get(i)));
		}
		return people.stream().sorted().toList();
	}

	private String person(String field, @Nullable String ref) {
		if (ref == null || ref.isBlank()) {
			throw new InvalidHackInput(field, "must be a user entity ref such as user:default/jdoe");
		}
		String normalized;
		try {
			normalized = EntityRefs.normalizeUser(ref);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidHackInput(field, e.getMessage());
		}
		if (members.find(normalized).isEmpty()) {
			throw new InvalidHackInput(field, "no user " + normalized + " in the members directory");
		}
		return normalized;
	}

	private static String text(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidHackInput(field, "must not be blank");
		}
		return value.strip();
	}

	private static Hack build(UUID id, HackDraft draft, HackStatus status, List<String> team, @Nullable String contact,
			List<String> followers, @Nullable String suggestedBy, String createdBy, Instant createdAt, String updatedBy,
			Instant updatedAt) {
		String name = text("name", draft.name());
		return new Hack(id, name, status, draft.pitch(), draft.description(), team, contact, followers, suggestedBy,
				List.copyOf(new LinkedHashSet<>(draft.tags())), List.copyOf(new LinkedHashSet<>(draft.skills())),
				draft.teamLocation(), draft.communicationChannel(), draft.repositoryUrls(), draft.recruitingHeadline(),
				createdBy, createdAt, updatedBy, updatedAt);
	}
}

package org.skillexchange.hacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillexchange.jobs.Jobs;
import org.skillexchange.testsupport.MutableClock;
import org.skillexchange.testsupport.RecordedNotifications;
import org.skillexchange.testsupport.RecordedNotifications.Recorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each hack lifecycle step and the followers' digest, with exactly what they record; run on H2 and PostgreSQL. */
abstract class HackLifecycleContract {

	static final String JDOE = "user:default/jdoe";

	static final String ALICE = "user:default/alice";

	static final String BOB = "user:default/bob";

	static final String ADMIN = "user:default/admin";

	@Autowired
	Hacks hacks;

	@Autowired
	Jobs jobs;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	RecordedNotifications recorded;

	@BeforeEach
	void cleanSlate() {
		recorded = new RecordedNotifications(jdbc);
		recorded.clearAll();
		clock.set(Instant.parse("2026-11-16T09:00:00Z"));
	}

	static HackDraft draft(String name, List<String> members) {
		return new HackDraft(name, null, "Build it", "A longer description", members, null, List.of("ai"), List.of("python"),
				"Stockholm", "#hack-bot", List.of(new RepositoryLink("code", "https://github.com/example/bot")), "Join us");
	}

	@Test
	void creatingAHackSendsNothingWhoeverIsOnIt() {
		Hack hack = hacks.create(JDOE, draft("Slack bot", List.of(ALICE)));

		assertThat(hack.members()).containsExactly(ALICE, JDOE);
		assertThat(hack.pointOfContact()).isEqualTo(JDOE);
		assertThat(hack.status()).isEqualTo(HackStatus.LOOKING_FOR_MEMBERS);
		assertThat(hacks.get(hack.id())).isEqualTo(hack);
		assertThat(recorded.all()).isEmpty();
	}

	@Test
	void anEditThatNamesNoMembersKeepsTheTeam() {
		Hack hack = hacks.create(JDOE, draft("Slack bot", List.of(ALICE)));

		Hack edited = hacks.update(ALICE, hack.id(), draft("Slack bot v2", List.of()));

		assertThat(edited.members()).containsExactlyElementsOf(hack.members());
		assertThat(recorded.all()).isEmpty();
	}

	@Test
	void anUpdateTellsEachNewlyAddedMemberOnly() {
		Hack hack = hacks.create(JDOE, draft("Slack bot", List.of(ALICE)));

		hacks.update(ALICE, hack.id(), draft("Slack bot v2", List.of(JDOE, ALICE, BOB, ADMIN)));

		assertThat(recorded.summaries()).containsExactlyInAnyOrder("hack.member.added -> " + BOB, "hack.member.added -> " + ADMIN);
		Recorded added = recorded.all().get(0);
		assertThat(added.actor()).isEqualTo(ALICE);
		assertThat(added.title()).isEqualTo("Slack bot v2");
		assertThat(added.link()).isEqualTo("http://localhost:3000/skill-exchange/hacks/post/" + hack.id());
		assertThat(added.data()).containsEntry("postTitle", "Slack bot v2");
	}

	@Test
	void onlyMembersEditAHack() {
		Hack hack = hacks.create(JDOE, draft("Slack bot", List.of()));

		assertThatThrownBy(() -> hacks.update(BOB, hack.id(), draft("Mine now", List.of(BOB))))
			.isInstanceOf(NotAllowedOnHack.class);
		assertThatThrownBy(() -> hacks.addMember(BOB, hack.id(), BOB)).isInstanceOf(NotAllowedOnHack.class);
		assertThatThrownBy(() -> hacks.update(JDOE, hack.id(), draft("x", List.of("user:default/ghost"))))
			.isInstanceOfSatisfying(InvalidHackInput.class, e -> assertThat(e.field()).isEqualTo("members[0]"));
		assertThat(hacks.get(hack.id()).name()).isEqualTo("Slack bot");
		assertThat(recorded.all()).isEmpty();
	}

	@Test
	void addToTeamTellsTheNewMemberOnceEvenOnADoubleClick() {
		Hack hack = hacks.create(JDOE, draft("Slack bot", List.of()));

		hacks.addMember(JDOE, hack.id(), BOB);
		Hack again = hacks.addMember(JDOE, hack.id(), "User:Default/Bob");

		assertThat(again.members()).containsExactly(BOB, JDOE);
		assertThat(recorded.summaries()).containsExactly("hack.member.added -> " + BOB);
	}

	@Test
	void claimingAnAdoptableHackMakesTheClaimerItsContactAndMember() {
		Hack idea = hacks.create(ADMIN, new HackDraft("Idea", HackStatus.UNCLAIMED, null, null, List.of(), null, List.of(),
				List.of(), null, null, List.of(), null));
		assertThat(idea.isAdoptable()).isTrue();

		Hack claimed = hacks.claim(BOB, idea.id());

		assertThat(claimed.status()).isEqualTo(HackStatus.LOOKING_FOR_MEMBERS);
		assertThat(claimed.pointOfContact()).isEqualTo(BOB);
		assertThat(claimed.members()).containsExactly(BOB);
		assertThatThrownBy(() -> hacks.claim(ALICE, idea.id())).isInstanceOf(HackNotAdoptable.class);
		assertThat(recorded.all()).isEmpty();
	}

	@Test
	void anInquiryTellsThePointOfContactAndConfirmsToTheRequester() {
		Hack hack = hacks.create(JDOE, draft("Slack bot", List.of(ALICE)));

		hacks.inquire(BOB, hack.id(), "I know Bolt");

		assertThat(recorded.summaries()).containsExactlyInAnyOrder("hack.inquiry -> " + JDOE,
				"hack.inquiry.confirmation -> " + BOB);
		Recorded inquiry = recorded.only("hack.inquiry");
		assertThat(inquiry.actor()).isEqualTo(BOB);
		assertThat(inquiry.data()).containsEntry("hackId", hack.id().toString())
			.containsEntry("requester", BOB)
			.containsEntry("sender", "Bob Okafor")
			.containsEntry("customMessage", "I know Bolt");
		assertThat(recorded.only("hack.inquiry.confirmation").data()).containsEntry("postContact", "Jane Doe");
	}

	@Test
	void onlyTheAuthorEditsAComment() {
		Hack hack = hacks.create(JDOE, draft("Slack bot", List.of()));
		HackComment comment = hacks.comment(BOB, hack.id(), "Nice idea", null);
		clock.advance(Duration.ofMinutes(1));
		HackComment reply = hacks.comment(JDOE, hack.id(), "Thanks", comment.id());

		assertThatThrownBy(() -> hacks.editComment(JDOE, comment.id(), "Edited by someone else"))
			.isInstanceOf(NotAllowedOnHack.class);
		HackComment edited = hacks.editComment(BOB, comment.id(), "Great idea");

		assertThat(edited.edited()).isTrue();
		assertThat(hacks.comments(hack.id())).extracting(HackComment::message).containsExactly("Great idea", "Thanks");
		assertThat(reply.replyingTo()).isEqualTo(comment.id());
		assertThat(recorded.all()).isEmpty();
	}

	@Test
	void followingTwiceAndUnfollowingAreHarmless() {
		Hack hack = hacks.create(JDOE, draft("Slack bot", List.of()));

		hacks.follow(BOB, hack.id());
		assertThat(hacks.follow(BOB, hack.id()).followers()).containsExactly(BOB);
		assertThat(hacks.unfollow(BOB, hack.id()).followers()).isEmpty();
		assertThat(hacks.unfollow(BOB, hack.id()).followers()).isEmpty();
	}

	@Test
	void adminsMayDeleteAnyonesHack() {
		Hack hack = hacks.create(JDOE, draft("Slack bot", List.of()));

		assertThatThrownBy(() -> hacks.delete(BOB, hack.id())).isInstanceOf(NotAllowedOnHack.class);
		hacks.delete(ADMIN, hack.id());
		assertThatThrownBy(() -> hacks.get(hack.id())).isInstanceOf(HackNotFound.class);
	}

	@Test
	void theDigestsFirstRunSendsNothing() {
		Hack hack = hacks.create(JDOE, draft("Slack bot", List.of()));
		hacks.follow(BOB, hack.id());
		hacks.comment(ALICE, hack.id(), "Count me in", null);
		clock.set(Instant.parse("2026-11-16T14:00:00Z"));

		assertThat(jobs.runDue()).doesNotContain("hack.digest");
		assertThat(recorded.all()).isEmpty();
	}

	@Test
	void theDigestSendsEachFollowerOneMessageForAllTheirHacksButNeverTheirOwnChanges() {
		jobs.runDue();
		Hack bot = hacks.create(JDOE, draft("Slack bot", List.of(BOB)));
		Hack search = hacks.create(JDOE, draft("Search", List.of()));
		Hack quiet = hacks.create(JDOE, draft("Quiet", List.of()));
		for (Hack hack : List.of(bot, search, quiet)) {
			hacks.follow(BOB, hack.id());
			hacks.follow(ALICE, hack.id());
		}
		hacks.comment(ALICE, bot.id(), "Looks good", null);
		hacks.comment(ADMIN, bot.id(), "+1", null);
		hacks.update(BOB, bot.id(), draft("Slack bot", List.of(BOB, JDOE)));
		hacks.comment(BOB, search.id(), "Bob's own note", null);
		recorded.clearNotifications();

		clock.set(Instant.parse("2026-11-16T14:00:00Z"));
		assertThat(jobs.runDue()).contains("hack.digest");

		assertThat(recorded.summaries()).containsExactlyInAnyOrder("hack.digest -> " + ALICE, "hack.digest -> " + BOB);
		Recorded toBob = recorded.all().stream().filter(r -> r.recipients().equals(List.of(BOB))).findFirst().orElseThrow();
		assertThat(toBob.title()).isEqualTo("Skill Exchange Digest");
		assertThat(toBob.link()).isEqualTo("http://localhost:3000/skill-exchange/hacks?tab=following");
		assertThat(toBob.actor()).isNull();
		assertThat(toBob.data()).containsEntry("followingUrl", "http://localhost:3000/skill-exchange/hacks?tab=following");
		assertThat(toBob.data().get("posts")).isEqualTo(List.of(Map.of("postTitle", "Slack bot", "postUrl",
				"http://localhost:3000/skill-exchange/hacks/post/" + bot.id(), "newComments", 2, "newUpdates", 0)));
		Recorded toAlice = recorded.all().stream().filter(r -> r.recipients().equals(List.of(ALICE))).findFirst().orElseThrow();
		assertThat(toAlice.data().get("posts")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrder(
					Map.of("postTitle", "Slack bot", "postUrl", "http://localhost:3000/skill-exchange/hacks/post/" + bot.id(),
							"newComments", 1, "newUpdates", 1),
					Map.of("postTitle", "Search", "postUrl", "http://localhost:3000/skill-exchange/hacks/post/" + search.id(),
							"newComments", 1, "newUpdates", 0));

		clock.advance(Duration.ofDays(1));
		assertThat(jobs.runDue()).contains("hack.digest");
		assertThat(recorded.all()).hasSize(2);
	}

	@Test
	void aFollowerWhoMadeTheOnlyChangeGetsNoDigest() {
		jobs.runDue();
		Hack hack = hacks.create(JDOE, draft("Slack bot", List.of()));
		hacks.follow(JDOE, hack.id());
		hacks.update(JDOE, hack.id(), draft("Slack bot", List.of()));
		hacks.comment(JDOE, hack.id(), "Note to self", null);

		clock.set(Instant.parse("2026-11-16T14:00:00Z"));
		assertThat(jobs.runDue()).contains("hack.digest");
		assertThat(recorded.all()).isEmpty();
	}
}

package org.skillexchange.gigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillexchange.members.MemberNotFound;
import org.skillexchange.testsupport.RecordedNotifications;
import org.skillexchange.testsupport.RecordedNotifications.Recorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Each gig lifecycle step and exactly what it records; run on H2 and on PostgreSQL. */
abstract class GigLifecycleContract {

	static final String JDOE = "user:default/jdoe";

	static final String ALICE = "user:default/alice";

	static final String BOB = "user:default/bob";

	static final String ADMIN = "user:default/admin";

	@Autowired
	Gigs gigs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	RecordedNotifications recorded;

	@BeforeEach
	void cleanSlate() {
		recorded = new RecordedNotifications(jdbc);
		recorded.clearAll();
	}

	static GigDraft mentorship(String contact, String... owners) {
		return new GigDraft(GigType.MENTORSHIP, "Learn Kotlin", "Pairing weekly", "A few hours a week", List.of("kotlin"),
				"Stockholm", List.of(new Resource("Docs", "https://kotlinlang.org")), contact, List.of(owners), null,
				new MentorshipDetails(MentorshipDetails.MeetType.VIRTUAL, MentorshipDetails.RequestType.OFFERING_MENTORSHIP));
	}

	Gig kotlinMentorship() {
		return gigs.create(JDOE, mentorship(ALICE, JDOE));
	}

	@Test
	void creatingAGigStoresItsFieldsAndNotifiesNoOne() {
		Gig gig = gigs.create(JDOE, new GigDraft(GigType.EMBED, "Help the payments team", null, "Two sprints", List.of("java"),
				"Remote", List.of(), "User:Default/Alice", List.of(), new EmbedDetails(EmbedDetails.LevelOfExpertise.INTERMEDIATE,
						java.time.LocalDate.parse("2027-01-11"), true, new EmbedDetails.Length(6, EmbedDetails.Unit.WEEKS), false,
						"payments", "urgent"), null));

		assertThat(gigs.get(gig.id())).isEqualTo(gig);
		assertThat(gig.status()).isEqualTo(GigStatus.OPEN);
		assertThat(gig.contact()).isEqualTo(ALICE);
		assertThat(gig.owners()).containsExactly(JDOE);
		assertThat(recorded.all()).isEmpty();
	}

	@Test
	void anInquiryTellsTheContactAndConfirmsToTheRequester() {
		Gig gig = kotlinMentorship();

		Connection connection = gigs.connect(BOB, gig.id(), "  I'd love to learn  ");

		assertThat(connection.status()).isEqualTo(ConnectionStatus.CONNECTED);
		assertThat(recorded.summaries()).containsExactlyInAnyOrder("gig.inquiry -> " + ALICE, "gig.inquiry.confirmation -> " + BOB);
		String url = "http://localhost:3000/skill-exchange/mentors/post/" + gig.id();
		Recorded inquiry = recorded.only("gig.inquiry");
		assertThat(inquiry.actor()).isEqualTo(BOB);
		assertThat(inquiry.title()).isEqualTo("Learn Kotlin");
		assertThat(inquiry.link()).isEqualTo(url);
		assertThat(inquiry.data()).containsExactlyInAnyOrderEntriesOf(Map.of("postTitle", "Learn Kotlin", "postUrl", url,
				"sender", "Bob Okafor", "customMessage", "I'd love to learn", "connectionId", connection.id().toString(),
				"gigId", gig.id().toString(), "requester", BOB));
		Recorded confirmation = recorded.only("gig.inquiry.confirmation");
		assertThat(confirmation.link()).isEqualTo(url);
		assertThat(confirmation.data()).containsEntry("postContact", "Alice Chen");
	}

	@Test
	void askingAgainReturnsTheSameConnectionAndNotifiesNoOne() {
		Gig gig = kotlinMentorship();
		Connection first = gigs.connect(BOB, gig.id(), null);

		assertThat(gigs.connect(BOB, gig.id(), "again")).isEqualTo(first);
		assertThat(recorded.all()).hasSize(2);
	}

	@Test
	void theActorIsNeverNotifiedOfTheirOwnInquiry() {
		Gig gig = gigs.create(JDOE, mentorship(JDOE));

		gigs.connect(JDOE, gig.id(), null);

		assertThat(recorded.summaries()).containsExactly("gig.inquiry.confirmation -> " + JDOE);
	}

	@Test
	void acceptingTellsTheParticipantAndConfirmsToTheContact() {
		Gig gig = kotlinMentorship();
		Connection connection = gigs.connect(BOB, gig.id(), null);

		Connection accepted = gigs.changeConnection(ALICE, connection.id(), ConnectionStatus.ACCEPTED);

		assertThat(accepted.status()).isEqualTo(ConnectionStatus.ACCEPTED);
		assertThat(recorded.summaries()).containsExactlyInAnyOrder("gig.inquiry -> " + ALICE,
				"gig.inquiry.confirmation -> " + BOB, "gig.participant.added -> " + BOB,
				"gig.participant.added.confirmation -> " + ALICE);
		Recorded added = recorded.only("gig.participant.added");
		assertThat(added.actor()).isEqualTo(ALICE);
		assertThat(added.data()).containsEntry("postContact", "Alice Chen").containsEntry("participant", "Bob Okafor");
		assertThat(recorded.only("gig.participant.added.confirmation").data()).containsEntry("participant", "Bob Okafor");
	}

	@Test
	void aDoubleClickChangesNothingTwice() {
		Gig gig = kotlinMentorship();
		Connection connection = gigs.connect(BOB, gig.id(), null);

		Connection first = gigs.changeConnection(JDOE, connection.id(), ConnectionStatus.ACCEPTED);
		Connection second = gigs.changeConnection(ALICE, connection.id(), ConnectionStatus.ACCEPTED);

		assertThat(second).isEqualTo(first);
		assertThat(recorded.all()).filteredOn(r -> r.type().startsWith("gig.participant")).hasSize(2);
	}

	@Test
	void decliningTellsTheRequesterAndRemovingTellsNoOne() {
		Gig gig = kotlinMentorship();
		Connection connection = gigs.connect(BOB, gig.id(), null);

		gigs.changeConnection(ALICE, connection.id(), ConnectionStatus.DECLINED);
		Recorded declined = recorded.only("gig.participant.declined");
		assertThat(declined.recipients()).containsExactly(BOB);
		assertThat(declined.actor()).isEqualTo(ALICE);

		gigs.changeConnection(ALICE, connection.id(), ConnectionStatus.REMOVED);
		assertThat(recorded.all()).hasSize(3);
		assertThat(gigs.connections(ALICE, gig.id())).extracting(Connection::status).containsExactly(ConnectionStatus.REMOVED);
	}

	@Test
	void onlyOwnersAndTheContactChangeConnections() {
		Gig gig = kotlinMentorship();
		Connection connection = gigs.connect(BOB, gig.id(), null);

		for (String outsider : List.of(BOB, ADMIN)) {
			assertThatThrownBy(() -> gigs.changeConnection(outsider, connection.id(), ConnectionStatus.ACCEPTED))
				.isInstanceOf(NotAllowedToManageGig.class)
				.hasMessageContaining(outsider);
			assertThatThrownBy(() -> gigs.stopReminders(outsider, connection.id())).isInstanceOf(NotAllowedToManageGig.class);
		}
		assertThat(gigs.connections(JDOE, gig.id())).extracting(Connection::status).containsExactly(ConnectionStatus.CONNECTED);
		assertThat(recorded.all()).hasSize(2);
	}

	@Test
	void notificationsCommitAndRollBackWithTheChange() {
		Gig gig = kotlinMentorship();

		transactions.executeWithoutResult(status -> {
			gigs.connect(BOB, gig.id(), "hello");
			status.setRollbackOnly();
		});

		assertThat(gigs.connections(JDOE, gig.id())).isEmpty();
		assertThat(recorded.all()).isEmpty();
		assertThat(jdbc.sql("select count(*) from delivery").query(Long.class).single()).isZero();
	}

	@Test
	void onlyOpenGigsTakeInquiries() {
		Gig gig = kotlinMentorship();
		gigs.changeStatus(ALICE, gig.id(), GigStatus.FILLED);

		assertThatThrownBy(() -> gigs.connect(BOB, gig.id(), null)).isInstanceOf(GigNotOpen.class);
		assertThatThrownBy(() -> gigs.connect("user:default/nobody", gig.id(), null)).isInstanceOf(MemberNotFound.class);
		assertThat(recorded.all()).isEmpty();
	}

	@Test
	void adminsMayArchiveOrDeleteAnyonesPostButNotEditIt() {
		Gig gig = kotlinMentorship();

		assertThatThrownBy(() -> gigs.update(ADMIN, gig.id(), mentorship(ADMIN))).isInstanceOf(NotAllowedToManageGig.class);
		assertThatThrownBy(() -> gigs.changeStatus(BOB, gig.id(), GigStatus.ARCHIVED)).isInstanceOf(NotAllowedToManageGig.class);
		assertThat(gigs.changeStatus(ADMIN, gig.id(), GigStatus.ARCHIVED).status()).isEqualTo(GigStatus.ARCHIVED);
		gigs.delete(ADMIN, gig.id());
		assertThatThrownBy(() -> gigs.get(gig.id())).isInstanceOf(GigNotFound.class);
	}

	@Test
	void peopleMustBeInTheDirectory() {
		assertThatThrownBy(() -> gigs.create(JDOE, mentorship("user:default/ghost")))
			.isInstanceOfSatisfying(InvalidGigInput.class, e -> assertThat(e.field()).isEqualTo("contact"));
		assertThatThrownBy(() -> gigs.create(JDOE, mentorship(ALICE, JDOE, "group:default/platform")))
			.isInstanceOfSatisfying(InvalidGigInput.class, e -> assertThat(e.field()).isEqualTo("owners[1]"));
	}

	@Test
	void listsPagesNewestFirst() {
		UUID first = kotlinMentorship().id();
		UUID second = kotlinMentorship().id();

		GigPage page = gigs.list(GigType.MENTORSHIP, GigStatus.OPEN, 0, 1);

		assertThat(page.total()).isEqualTo(2);
		assertThat(page.items()).hasSize(1);
		assertThat(List.of(first, second)).contains(page.items().get(0).id());
		assertThat(gigs.list(GigType.EMBED, null, 0, 10).total()).isZero();
	}
}

package org.skillexchange.channels.backstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillexchange.channels.backstage.BackstageTestData.channel;
import static org.skillexchange.channels.backstage.BackstageTestData.delivery;
import static org.skillexchange.channels.backstage.BackstageTestData.retryOf;
import static org.skillexchange.channels.backstage.BackstageTestData.uniqueUser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillexchange.notifications.spi.DeliveryOutcome;
import org.skillexchange.testsupport.BackstageHarness;

/** The channel against a real Backstage notifications backend (see {@link BackstageHarness}). */
class BackstageChannelIntegrationTests {

	static BackstageHarness backstage;

	@BeforeAll
	static void startBackstage() {
		backstage = BackstageHarness.shared();
	}

	private BackstageChannel channel() {
		return BackstageTestData.channel(backstage.baseUrl(), backstage.serviceToken());
	}

	@Test
	void deliveryArrivesAndIsReadBackByTheRecipient() {
		String user = uniqueUser("mentor");
		var request = delivery(user, "Bob is interested in your mentorship");

		var outcome = channel().deliver(request);

		assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
		var received = backstage.listNotifications(backstage.userToken(user));
		assertThat(received).singleElement().satisfies(notification -> {
			assertThat(notification.id()).isEqualTo(((DeliveryOutcome.Delivered) outcome).reference());
			assertThat(notification.user()).isEqualTo("user:default/" + user);
			assertThat(notification.origin()).isEqualTo(BackstageHarness.ORIGIN);
			assertThat(notification.title()).isEqualTo("Bob is interested in your mentorship");
			assertThat(notification.description()).isEqualTo("Bob is interested in your mentorship.");
			assertThat(notification.link()).isEqualTo("https://backstage.example.com/skill-exchange/mentors/post/7");
			assertThat(notification.severity()).isEqualTo("high");
			assertThat(notification.topic()).isEqualTo("Skill Exchange");
			assertThat(notification.scope()).isEqualTo("skill-exchange:" + request.deliveryId());
		});
	}

	@Test
	void relativeLinkPointsIntoTheBackstageApp() {
		String user = uniqueUser("learner");

		channel().deliver(delivery(user, "Added to a hack", null, "/skill-exchange/hacks/post/12"));

		assertThat(backstage.listNotifications(backstage.userToken(user))).singleElement()
			.satisfies(notification -> assertThat(notification.link()).isEqualTo("http://127.0.0.1:3000/skill-exchange/hacks/post/12"));
	}

	@Test
	void secondDeliveryWithTheSameScopeUpdatesTheSameNotification() {
		String user = uniqueUser("contact");
		var channel = channel();

		var first = channel.deliver(delivery(user, "1 pending request", "gig-42-reminder", null));
		var second = channel.deliver(delivery(user, "2 pending requests", "gig-42-reminder", null));

		assertThat(second).isEqualTo(first);
		assertThat(backstage.listNotifications(backstage.userToken(user))).singleElement().satisfies(notification -> {
			assertThat(notification.id()).isEqualTo(((DeliveryOutcome.Delivered) first).reference());
			assertThat(notification.title()).isEqualTo("2 pending requests");
			assertThat(notification.updated()).isNotNull();
		});
	}

	@Test
	void retryOfADeliveryReplacesItsNotificationInsteadOfAddingASecond() {
		String user = uniqueUser("mentor");
		var request = delivery(user, "Bob is interested in your mentorship");
		var channel = channel();

		var first = channel.deliver(request);
		var retried = channel.deliver(retryOf(request));

		assertThat(retried).isEqualTo(first);
		assertThat(backstage.listNotifications(backstage.userToken(user))).hasSize(1);
	}

	@Test
	void recipientWhoTurnedOffSkillExchangeInBackstageIsSkipped() {
		String user = uniqueUser("busy");
		backstage.setWebChannelOptOut(user);
		var channel = channel();
		channel.deliver(delivery(uniqueUser("other"), "Seen by someone else"));

		var outcome = channel.deliver(delivery(user, "Bob is interested in your mentorship"));

		assertThat(outcome).isEqualTo(new DeliveryOutcome.Skipped(
				"the recipient turned off Skill Exchange notifications in Backstage (origin external:skill-exchange)"));
		assertThat(backstage.listNotifications(backstage.userToken(user))).isEmpty();
	}

	@Test
	void titleLongerThanBackstageStoresIsShortened() {
		String user = uniqueUser("reader");

		var outcome = channel().deliver(delivery(user, "x".repeat(400)));

		assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
		assertThat(backstage.listNotifications(backstage.userToken(user))).singleElement()
			.satisfies(notification -> assertThat(notification.title()).hasSize(255).endsWith("…"));
	}

	@Test
	void linkBackstageRejectsIsAPermanentFailureWithBackstagesMessage() {
		var outcome = channel().deliver(delivery(uniqueUser("target"), "Click me", null, "javascript:alert(1)"));

		assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.PermanentFailure.class,
				failure -> assertThat(failure.reason()).contains("HTTP 400", "Invalid link provided"));
	}

	@Test
	void wrongTokenTakesTheChannelDownWithTheFixAndProbeClearsOnceBackstageAcceptsIt() {
		String ourToken = "skx-test-new-" + uniqueUser("token");
		var channel = BackstageTestData.channel(backstage.baseUrl(), ourToken);
		String user = uniqueUser("mentor");

		var outcome = channel.deliver(delivery(user, "Bob is interested in your mentorship"));

		assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.ChannelDown.class, down -> {
			assertThat(down.reason()).contains("HTTP 401", "externalAccess:", "type: static", "subject: external:skill-exchange",
					"- plugin: notifications", "skillExchange.backstage.token");
			assertThat(down.reason()).doesNotContain(ourToken);
		});
		assertThat(channel.probe()).hasValueSatisfying(problem -> assertThat(problem).contains("HTTP 401", "externalAccess"));

		// The operator's fix: Backstage's config now lists the token Skill Exchange uses (kept for later tests).
		backstage.restartAccepting(ourToken);

		assertThat(channel.probe()).isEmpty();
		assertThat(channel.deliver(delivery(user, "Bob is interested in your mentorship")))
			.isInstanceOf(DeliveryOutcome.Delivered.class);
	}

	@Test
	void probeWithTheRightTokenStoresNothing() {
		var channel = channel();

		assertThat(channel.probe()).isEmpty();
	}

	@Test
	void backstageStoppedMidRunTakesTheChannelDownAndTheDeliveryArrivesOnceItIsBack() {
		String user = uniqueUser("patient");
		var channel = channel();
		var request = delivery(user, "Bob is interested in your mentorship");
		DeliveryOutcome whileDown;
		try {
			backstage.stop();
			whileDown = channel.deliver(request);
			assertThat(channel.probe()).hasValueSatisfying(problem -> assertThat(problem).contains("cannot reach Backstage"));
		}
		finally {
			backstage.start();
		}

		var afterRestart = channel.deliver(retryOf(request));

		assertThat(whileDown).isInstanceOfSatisfying(DeliveryOutcome.ChannelDown.class,
				down -> assertThat(down.reason()).contains("cannot reach Backstage at " + backstage.baseUrl()));
		assertThat(afterRestart).isInstanceOf(DeliveryOutcome.Delivered.class);
		assertThat(backstage.listNotifications(backstage.userToken(user))).hasSize(1);
	}
}

package org.skillexchange.channels.backstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillexchange.channels.backstage.BackstageTestData.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackstagePayloadTests {

	private final BackstageChannel channel = new BackstageChannel(new BackstageSettings("a-token-0123456789", Duration.ofSeconds(1)),
			true, URI.create("https://backstage.example.com/portal/"), URI.create("http://127.0.0.1:1"), Clock.systemUTC());

	@Test
	void sendsToTheRecipientAloneWithTheNotificationsFields() {
		var request = delivery("jdoe", "Bob is interested in your mentorship");

		var options = channel.optionsFor(request);

		assertThat(options.recipients()).isEqualTo(new NotificationSendOptions.Recipients("entity", "user:default/jdoe"));
		assertThat(options.payload().title()).isEqualTo("Bob is interested in your mentorship");
		assertThat(options.payload().description()).isEqualTo("Bob is interested in your mentorship.");
		assertThat(options.payload().severity()).isEqualTo("high");
		assertThat(options.payload().topic()).isEqualTo("Skill Exchange");
		assertThat(options.payload().metadata()).containsEntry("type", "gig.inquiry")
			.containsEntry("skillExchangeNotificationId", request.notification().id().toString());
	}

	@Test
	void scopeIsTheDeliveryIdUnlessTheNotificationHasOne() {
		var unscoped = delivery("jdoe", "Hello", null, null);
		var scoped = delivery("jdoe", "Hello", "gig-42-reminder", null);

		assertThat(channel.optionsFor(unscoped).payload().scope()).isEqualTo("skill-exchange:" + unscoped.deliveryId());
		assertThat(channel.optionsFor(scoped).payload().scope()).isEqualTo("gig-42-reminder");
	}

	@Test
	void relativeLinksResolveUnderTheAppBaseUrlAndAbsoluteOnesStayAsGiven() {
		assertThat(channel.optionsFor(delivery("jdoe", "x", null, "/skill-exchange/embeds/post/3")).payload().link())
			.isEqualTo("https://backstage.example.com/portal/skill-exchange/embeds/post/3");
		assertThat(channel.optionsFor(delivery("jdoe", "x", null, "skill-exchange/hacks/post/{id}")).payload().link())
			.isEqualTo("https://backstage.example.com/portal/skill-exchange/hacks/post/{id}");
		assertThat(channel.optionsFor(delivery("jdoe", "x", null, "https://other.example.com/a b")).payload().link())
			.isEqualTo("https://other.example.com/a b");
		assertThat(channel.optionsFor(delivery("jdoe", "x", null, null)).payload().link()).isNull();
	}

	@Test
	void titleIsShortenedToWhatBackstageStores() {
		assertThat(channel.optionsFor(delivery("jdoe", "t".repeat(300))).payload().title()).hasSize(255).endsWith("…");
	}
}

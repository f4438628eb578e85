package org.skillexchange.channels.backstage;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;
import org.skillexchange.notifications.Severity;
import org.skillexchange.notifications.spi.DeliveryRequest;
import org.skillexchange.notifications.spi.NotificationContent;

/** Deliveries and channels for the Backstage channel tests. */
final class BackstageTestData {

	static final URI APP_BASE_URL = URI.create("http://127.0.0.1:3000");

	private BackstageTestData() {
	}

	/** A user name no other test uses, so tests sharing one Backstage never see each other's notifications. */
	static String uniqueUser(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static BackstageChannel channel(URI backendBaseUrl, @Nullable String token) {
		return channel(backendBaseUrl, token, Duration.ofSeconds(10), Clock.systemUTC());
	}

	static BackstageChannel channel(URI backendBaseUrl, @Nullable String token, Duration timeout, Clock clock) {
		return new BackstageChannel(new BackstageSettings(token, timeout), true, APP_BASE_URL, backendBaseUrl, clock);
	}

	static DeliveryRequest delivery(String user, String title) {
		return delivery(user, title, null, "https://backstage.example.com/skill-exchange/mentors/post/7");
	}

	static DeliveryRequest delivery(String user, String title, @Nullable String scope, @Nullable String link) {
		var content = new NotificationContent(UUID.randomUUID(), NotificationType.GIG_INQUIRY, PostType.MENTORSHIP,
				"user:default/bob", title, "Bob is interested in your mentorship.", link, Severity.HIGH, "Skill Exchange",
				scope, Map.of("postTitle", "Kotlin for Java developers"), "skill-exchange", Instant.now());
		return new DeliveryRequest(UUID.randomUUID(), "user:default/" + user, 1, content);
	}

	static DeliveryRequest retryOf(DeliveryRequest request) {
		return new DeliveryRequest(request.deliveryId(), request.recipient(), request.attempt() + 1, request.notification());
	}
}

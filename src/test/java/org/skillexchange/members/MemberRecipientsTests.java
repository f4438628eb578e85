package org.skillexchange.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skillexchange.notifications.NotificationRequest;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.Notifications;
import org.skillexchange.testsupport.DomainTest;
import org.skillexchange.testsupport.RecordedNotifications;
import org.skillexchange.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The notification recorder expands group refs through the members directory. */
@DomainTest
class MemberRecipientsTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aGroupRefReachesItsMembersButNotTheActor() {
		var recorded = new RecordedNotifications(jdbc);
		recorded.clearAll();

		notifications.record(NotificationRequest.of(NotificationType.CUSTOM)
			.to("group:default/platform", "user:default/bob")
			.actor("user:default/jdoe")
			.title("Platform news")
			.build());

		assertThat(recorded.only("custom").recipients()).containsExactly("user:default/alice", "user:default/bob");
	}
}

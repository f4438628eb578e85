package org.skillexchange.channels.backstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillexchange.channels.backstage.BackstageTestData.delivery;
import static org.skillexchange.channels.backstage.BackstageTestData.uniqueUser;

import java.util.List;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillexchange.notifications.spi.DeliveryOutcome;
import org.skillexchange.testsupport.BackstageHarness;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of request the channel sends, captured on its way to a real Backstage and validated
 * against Backstage's OpenAPI description ({@code NotificationSendOptions}).
 */
class BackstageContractTests {

	private static final Schema SEND_OPTIONS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
		.getSchema(SchemaLocation.of("classpath:backstage/openapi-notifications.json#/components/schemas/NotificationSendOptions"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static RecordingProxy proxy;

	@BeforeAll
	static void startProxy() {
		proxy = new RecordingProxy(BackstageHarness.shared().baseUrl());
	}

	@AfterAll
	static void stopProxy() {
		proxy.close();
	}

	@Test
	void everyRequestTheChannelSendsMatchesBackstagesSpec() {
		var channel = BackstageTestData.channel(proxy.baseUrl(), BackstageHarness.shared().serviceToken());

		var outcomes = List.of(channel.deliver(delivery(uniqueUser("full"), "With every field", "gig-7", "https://example.com/x")),
				channel.deliver(delivery(uniqueUser("bare"), "No link, no scope", null, null)),
				channel.deliver(delivery(uniqueUser("relative"), "Relative link", null, "/skill-exchange/embeds/post/3")),
				channel.deliver(delivery(uniqueUser("long"), "y".repeat(300))));
		var probe = channel.probe();

		assertThat(outcomes).allMatch(DeliveryOutcome.Delivered.class::isInstance);
		assertThat(probe).isEmpty();
		assertThat(proxy.recorded()).hasSize(5).allSatisfy(request -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/api/notifications/notifications");
			assertThat(SEND_OPTIONS.validate(JSON.readTree(request.body()))).as(request.body()).isEmpty();
		});
	}

	@Test
	void specCheckRejectsABodyWithoutATitle() {
		var body = JSON.readTree("{\"recipients\":{\"type\":\"entity\",\"entityRef\":\"user:default/a\"},\"payload\":{\"link\":\"x\"}}");

		assertThat(SEND_OPTIONS.validate(body)).isNotEmpty();
	}
}

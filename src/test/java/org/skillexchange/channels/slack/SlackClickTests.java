package org.skillexchange.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackClickTests {

	@Test
	void aPayloadWithObjectsWhereTextBelongsIsNoClick() {
		assertThat(SlackClick.parse("{\"type\": {}}", 0)).isEmpty();
		assertThat(SlackClick.parse("""
				{"type": "block_actions", "user": {"id": ["U1"]}, "actions": [{"action_id": "gig_connection_accept", "value": {"a": 1}}],
				 "container": {"channel_id": null, "message_ts": "1.2"}}""", 0)).isEmpty();
	}

	@Test
	void aWellFormedClickIsRead() {
		var click = SlackClick.parse("""
				{"type": "block_actions", "user": {"id": "U1"}, "actions": [{"action_id": "gig_connection_accept", "value": "v"}],
				 "container": {"channel_id": "D1", "message_ts": "1.2"}}""", 2);

		assertThat(click).hasValueSatisfying(c -> {
			assertThat(c.userId()).isEqualTo("U1");
			assertThat(c.value()).isEqualTo("v");
			assertThat(c.retryAttempt()).isEqualTo(2);
		});
	}
}

package org.skillexchange.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skillexchange.notifications.spi.DeliveryOutcome;

class SlackErrorsTests {

	@ParameterizedTest
	@ValueSource(strings = { "users_not_found", "channel_not_found", "is_archived", "msg_too_long", "invalid_blocks",
			"invalid_blocks_format", "no_text" })
	void contentAndRecipientErrorsFailOnlyTheDelivery(String error) {
		assertThat(SlackErrors.outcome("chat.postMessage", error, null, null))
			.isInstanceOfSatisfying(DeliveryOutcome.PermanentFailure.class, f -> assertThat(f.reason()).contains(error));
	}

	@ParameterizedTest
	@ValueSource(strings = { "invalid_auth", "not_authed", "account_inactive", "token_revoked", "missing_scope",
			"not_allowed_token_type" })
	void credentialErrorsTakeTheChannelDown(String error) {
		assertThat(SlackErrors.outcome("chat.postMessage", error, "chat:write", "im:write"))
			.isInstanceOf(DeliveryOutcome.ChannelDown.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ratelimited", "rate_limited", "fatal_error", "internal_error", "service_unavailable" })
	void transientErrorsAreRetried(String error) {
		assertThat(SlackErrors.outcome("chat.update", error, null, null)).isInstanceOf(DeliveryOutcome.RetryLater.class);
	}

	@org.junit.jupiter.api.Test
	void missingScopesAreReadFromTheGrantedScopesHeader() {
		assertThat(SlackErrors.missingFrom("users:read,im:write,chat:write")).containsExactly("users:read.email", "chat:write.public");
		assertThat(SlackErrors.missingFrom(null)).isEqualTo(SlackErrors.REQUIRED_SCOPES);
	}
}

package org.skillexchange.channels.slack;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.spi.DeliveryOutcome;

/** Sorts Slack's {@code ok:false} errors into delivery outcomes, with the fix for the channel-wide ones. */
final class SlackErrors {

	/** The bot scopes the app manifest asks for. */
	static final List<String> REQUIRED_SCOPES = List.of("users:read", "users:read.email", "im:write", "chat:write",
			"chat:write.public");

	static final Set<String> WRONG_TOKEN = Set.of("invalid_auth", "not_authed", "not_allowed_token_type");

	static final Set<String> NOT_INSTALLED = Set.of("token_revoked", "account_inactive", "token_expired");

	private static final Set<String> TRANSIENT = Set.of("ratelimited", "rate_limited", "fatal_error", "internal_error",
			"service_unavailable", "request_timeout");

	private SlackErrors() {
	}

	static DeliveryOutcome outcome(String method, String error, @Nullable String needed, @Nullable String provided) {
		String problem = channelProblem(error, needed, provided);
		if (problem != null) {
			return new DeliveryOutcome.ChannelDown(problem);
		}
		if (TRANSIENT.contains(error)) {
			return new DeliveryOutcome.RetryLater("Slack answered " + error + " to " + method, null);
		}
		return new DeliveryOutcome.PermanentFailure("Slack answered " + error + " to " + method + hint(error));
	}

	/** The troubleshooting line for an error that stops the whole channel; null for any other error. */
	static @Nullable String channelProblem(String error, @Nullable String needed, @Nullable String provided) {
		if (WRONG_TOKEN.contains(error)) {
			return "Invalid token: use the Bot User OAuth Token, not the App-Level Token (skillExchange.slack.token must be"
					+ " the xoxb- token from OAuth & Permissions; Slack answered " + error + ")";
		}
		if ("missing_scope".equals(error)) {
			return missingScopes(needed == null ? List.of() : Arrays.asList(needed.split(",")), provided);
		}
		if (NOT_INSTALLED.contains(error)) {
			return "Messages not sending: install the app to your workspace (Slack answered " + error
					+ ": the app was uninstalled or its token revoked), then put its Bot User OAuth Token in skillExchange.slack.token";
		}
		return null;
	}

	static String missingScopes(List<String> missing, @Nullable String granted) {
		return "Missing scopes: " + String.join(", ", missing) + " (the token has " + (granted == null || granted.isBlank()
				? "none" : granted) + "); add them under OAuth & Permissions > Bot Token Scopes and reinstall the app. The app needs "
				+ String.join(", ", REQUIRED_SCOPES);
	}

	/** The required scopes missing from an {@code x-oauth-scopes} header (a comma list). */
	static List<String> missingFrom(@Nullable String grantedHeader) {
		Set<String> granted = grantedHeader == null ? Set.of()
				: Set.copyOf(Arrays.stream(grantedHeader.split(",")).map(String::trim).toList());
		return REQUIRED_SCOPES.stream().filter(scope -> !granted.contains(scope)).toList();
	}

	private static String hint(String error) {
		return switch (error) {
			case "users_not_found" -> ": no Slack user has this member's email; add a slack.com/user_id annotation to the member";
			case "channel_not_found" -> ": the DM is gone or the bot cannot see it";
			case "is_archived" -> ": the conversation is archived";
			case "msg_too_long" -> ": the message is over Slack's 40,000 characters";
			case "invalid_blocks", "invalid_blocks_format" -> ": the Slack template produced blocks Slack does not accept";
			default -> "";
		};
	}
}

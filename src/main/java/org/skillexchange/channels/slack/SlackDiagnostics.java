package org.skillexchange.channels.slack;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import org.jspecify.annotations.Nullable;
import org.skillexchange.diagnostics.Check;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The Slack app's setup checked step by step for {@code doctor}, without starting the service: bot
 * token type and validity, granted scopes, Socket Mode (or the signing secret in HTTP mode), and a DM
 * opened with a known member. Each failure names the fix from the app settings.
 */
public final class SlackDiagnostics implements AutoCloseable {

	/** The bot scopes the app needs; the manifest asks for exactly these and the checks compare against them. */
	public static final List<String> REQUIRED_BOT_SCOPES = SlackErrors.REQUIRED_SCOPES;


	static final String BOT_TOKEN = "Slack bot token";

	static final String SCOPES = "Slack scopes";

	static final String SOCKET_MODE = "Slack Socket Mode";

	static final String SIGNING_SECRET = "Slack signing secret";

	static final String MESSAGING = "Slack can message members";

	static final String APP_LEVEL_TOKEN_USED = "Invalid token: you are using the App-Level Token; use the Bot User OAuth Token";

	static final String SOCKET_MODE_DISABLED = "Socket mode disabled: enable Socket Mode in the app settings";

	static final String NOT_INSTALLED = "Messages not sending: install the app to your workspace";

	private static final String BOT_TOKEN_FIX = "put the Bot User OAuth Token (xoxb-…, from the app's OAuth & Permissions page)"
			+ " in skillExchange.slack.token";

	private static final String REINSTALL_FIX = "in the app settings open Install App > (Re)install to Workspace, then put the new"
			+ " Bot User OAuth Token in skillExchange.slack.token";

	/** How many members to look up in Slack before giving up on finding one to open a DM with. */
	private static final int MEMBERS_TO_TRY = 5;

	private final SlackSettings settings;

	private final Slack slack;

	private SlackDiagnostics(SlackSettings settings) {
		this.settings = settings;
		this.slack = SlackConfiguration.client(settings);
	}

	/**
	 * Diagnostics for the Slack section of flattened app-config properties (as {@code AppConfig.toProperties()}
	 * gives them); empty when there is no {@code skillExchange.slack} section, i.e. Slack is off.
	 */
	public static Optional<SlackDiagnostics> of(Map<String, ?> properties) {
		var binder = new Binder(new MapConfigurationPropertySource(properties));
		boolean configured = binder.bind("skill-exchange.slack", Bindable.mapOf(String.class, Object.class)).map(Map::size).orElse(0) > 0;
		if (!configured) {
			return Optional.empty();
		}
		return Optional.of(new SlackDiagnostics(binder.bindOrCreate("skill-exchange.slack", SlackSettings.class)));
	}

	/**
	 * Runs every check in order, handing each to {@code report} as soon as it is done; {@code members} are
	 * the people to try opening a DM with (the first few with a Slack account).
	 */
	public void run(Consumer<Check> report, List<SlackRecipientDirectory.SlackRecipient> members) {
		Optional<AuthTestResponse> auth = botToken(report);
		report.accept(auth.map(this::scopes).orElseGet(() -> Check.skipped(SCOPES, "needs a working bot token")));
		report.accept("http".equals(settings.mode()) ? signingSecret() : socketMode());
		report.accept(auth.isPresent() ? messaging(members) : Check.skipped(MESSAGING, "needs a working bot token"));
	}

	@Override
	public void close() {
		try {
			slack.close();
		}
		catch (Exception e) {
			// Closing only releases HTTP connections; nothing to report.
		}
	}

	private Optional<AuthTestResponse> botToken(Consumer<Check> report) {
		String token = settings.token();
		if (token == null || token.isBlank()) {
			report.accept(Check.failed(BOT_TOKEN, "skillExchange.slack.token is not set", BOT_TOKEN_FIX));
			return Optional.empty();
		}
		try {
			AuthTestResponse response = slack.methods(token).authTest(r -> r);
			if (!response.isOk()) {
				report.accept(tokenRejected(BOT_TOKEN, "auth.test", response.getError(), BOT_TOKEN_FIX));
				return Optional.empty();
			}
			if (response.getBotId() == null) {
				// The config check rejects an xapp- prefix; Slack itself says whether the token belongs to a bot.
				report.accept(Check.failed(BOT_TOKEN, APP_LEVEL_TOKEN_USED + " (auth.test names no bot for this token)", BOT_TOKEN_FIX));
				return Optional.empty();
			}
			report.accept(Check.passed(BOT_TOKEN, "a bot token, valid: bot user " + response.getUser() + " in " + response.getTeam()));
			return Optional.of(response);
		}
		catch (IOException | SlackApiException e) {
			report.accept(unreachable(BOT_TOKEN, "auth.test", e));
			return Optional.empty();
		}
	}

	private Check scopes(AuthTestResponse auth) {
		String granted = header(auth, "x-oauth-scopes");
		List<String> missing = SlackErrors.missingFrom(granted);
		if (!missing.isEmpty()) {
			return Check.failed(SCOPES, "Missing scopes: " + String.join(", ", missing) + " (granted: "
					+ (granted == null || granted.isBlank() ? "none" : granted) + ")",
					"add them under OAuth & Permissions > Scopes > Bot Token Scopes, reinstall the app, and use the new token");
		}
		return Check.passed(SCOPES, "all of " + String.join(", ", SlackErrors.REQUIRED_SCOPES));
	}

	private Check socketMode() {
		String appToken = settings.appToken();
		String fix = "in the app settings open Basic Information > App-Level Tokens, generate a token with connections:write"
				+ " and put it (xapp-…) in skillExchange.slack.appToken; or use skillExchange.slack.mode: http";
		if (appToken == null || appToken.isBlank()) {
			return Check.failed(SOCKET_MODE, "skillExchange.slack.appToken is not set; Socket Mode needs the App-Level Token", fix);
		}
		try {
			var response = slack.methods(appToken).appsConnectionsOpen(r -> r);
			if (response.isOk()) {
				return Check.passed(SOCKET_MODE, "the app token is valid and Socket Mode is enabled");
			}
			if ("socket_mode_not_enabled".equals(response.getError())) {
				return Check.failed(SOCKET_MODE, SOCKET_MODE_DISABLED,
						"in the app settings open Socket Mode and turn on Enable Socket Mode (or use skillExchange.slack.mode: http)");
			}
			return tokenRejected(SOCKET_MODE, "apps.connections.open", response.getError(), fix);
		}
		catch (IOException | SlackApiException e) {
			return unreachable(SOCKET_MODE, "apps.connections.open", e);
		}
	}

	private Check signingSecret() {
		if (settings.signingSecret() == null || settings.signingSecret().isBlank()) {
			return Check.failed(SIGNING_SECRET, "skillExchange.slack.signingSecret is not set; with mode: http Slack's requests cannot be verified",
					"copy the Signing Secret from the app's Basic Information > App Credentials into skillExchange.slack.signingSecret");
		}
		return Check.passed(SIGNING_SECRET, "set (mode: http)");
	}

	private Check messaging(List<SlackRecipientDirectory.SlackRecipient> members) {
		if (members.isEmpty()) {
			return Check.skipped(MESSAGING, "no members to open a DM with");
		}
		try {
			int tried = 0;
			for (var member : members) {
				Optional<String> userId = Optional.ofNullable(member.slackUserId());
				if (userId.isEmpty() && member.email() != null && !member.email().isBlank() && tried < MEMBERS_TO_TRY) {
					tried++;
					var lookup = slack.methods(settings.token()).usersLookupByEmail(r -> r.email(member.email()));
					if (!lookup.isOk() && !"users_not_found".equals(lookup.getError())) {
						return messagingFailed("users.lookupByEmail", lookup);
					}
					userId = lookup.isOk() ? Optional.of(lookup.getUser().getId()) : Optional.empty();
				}
				if (userId.isPresent()) {
					String id = userId.get();
					var open = slack.methods(settings.token()).conversationsOpen(r -> r.users(List.of(id)));
					if (!open.isOk()) {
						return messagingFailed("conversations.open", open);
					}
					return Check.passed(MESSAGING, "opened a DM with " + member.userRef() + " (" + id + ")");
				}
			}
			return Check.skipped(MESSAGING, "none of the " + tried + " members looked up by email has a Slack account");
		}
		catch (IOException | SlackApiException e) {
			return unreachable(MESSAGING, "conversations.open", e);
		}
	}

	private Check messagingFailed(String method, SlackApiTextResponse response) {
		String error = response.getError();
		if ("missing_scope".equals(error)) {
			return Check.failed(MESSAGING, "Missing scopes: " + response.getNeeded() + " (Slack answered missing_scope to " + method + ")",
					"add them under OAuth & Permissions > Scopes > Bot Token Scopes, reinstall the app, and use the new token");
		}
		return tokenRejected(MESSAGING, method, error, REINSTALL_FIX);
	}

	/** A token Slack refused, sorted into the troubleshooting lines the README explains. */
	private static Check tokenRejected(String name, String method, String error, String fix) {
		if (SlackErrors.NOT_INSTALLED.contains(error)) {
			return Check.failed(name, NOT_INSTALLED + " (Slack answered " + error + " to " + method + ")", REINSTALL_FIX);
		}
		if ("not_allowed_token_type".equals(error)) {
			return Check.failed(name, name.equals(SOCKET_MODE)
					? "Invalid app token: skillExchange.slack.appToken is not an App-Level Token (Slack answered not_allowed_token_type)"
					: APP_LEVEL_TOKEN_USED, fix);
		}
		if (SlackErrors.WRONG_TOKEN.contains(error)) {
			return Check.failed(name, "Invalid token: Slack does not know this token (Slack answered " + error + " to " + method + ")",
					fix);
		}
		return Check.failed(name, "Slack answered " + error + " to " + method, fix);
	}

	private Check unreachable(String name, String method, Exception e) {
		String problem = e instanceof SlackApiException api ? "Slack answered HTTP " + api.getResponse().code() + " to " + method
				: "cannot reach Slack at " + settings.apiUrl() + " (" + e.getClass().getSimpleName() + ")";
		return Check.failed(name, problem, "check skillExchange.slack.apiUrl (default https://slack.com/api/), the network and any proxy");
	}

	private static @Nullable String header(SlackApiTextResponse response, String name) {
		var values = response.getHttpResponseHeaders() == null ? null : response.getHttpResponseHeaders().get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}
}

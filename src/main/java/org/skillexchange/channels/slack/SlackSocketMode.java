package org.skillexchange.channels.slack;

import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The Socket Mode link through Bolt, when {@code mode: socket} and an app token are set. The SDK
 * reconnects on every {@code disconnect}. A click goes to the registered handler ({@link SlackButtons})
 * and is acknowledged at once; the button's work follows the ack.
 */
@Component
class SlackSocketMode implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);

	/** Takes a {@code block_actions} payload and Slack's retry number header; must return at once. */
	private volatile BiConsumer<String, @Nullable String> clicks = (payload, retry) -> log.warn("A Slack click arrived before"
			+ " its handler was registered; it is acknowledged and ignored");

	private final SlackSettings settings;

	private final Slack slack;

	private volatile @Nullable SocketModeApp socketModeApp;

	/** Why the link did not start, for health; null when it started or was never meant to. */
	private volatile @Nullable String startFailure;

	/** The link as health shows it: connected, reconnecting, off by config, or off because it failed to start. */
	record State(Link link, String detail) {

		enum Link {
			CONNECTED, RECONNECTING, OFF, FAILED
		}
	}

	SlackSocketMode(SlackSettings settings, Slack slack) {
		this.settings = settings;
		this.slack = slack;
	}

	/** Where clicks go; set once, before the link starts. */
	void onClick(BiConsumer<String, @Nullable String> handler) {
		this.clicks = handler;
	}

	@Override
	public void start() {
		if (!"socket".equals(settings.mode()) || !settings.hasToken() || settings.appToken() == null || settings.appToken().isBlank()) {
			return;
		}
		try {
			// Socket Mode messages are not signed; Slack authenticates the link itself.
			var app = new App(AppConfig.builder().slack(slack).singleTeamBotToken(settings.token())
				.requestVerificationEnabled(false)
				.build());
			app.blockAction(Pattern.compile(".*"), (request, context) -> {
				// Bolt passes the envelope's retry_attempt on as the X-Slack-Retry-Num header.
				clicks.accept(request.getRequestBodyAsString(), request.getHeaders().getFirstValue(SlackButtons.RETRY_HEADER));
				return context.ack();
			});
			var started = new SocketModeApp(settings.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
			started.startAsync();
			socketModeApp = started;
			startFailure = null;
		}
		catch (Exception e) {
			startFailure = "Socket Mode did not start (" + e.getMessage() + "); check that Socket Mode is enabled in the app settings and that"
					+ " skillExchange.slack.appToken is an App-Level Token (xapp-) with connections:write";
			log.warn("Slack Socket Mode did not start ({}); check that Socket Mode is enabled in the app settings and that"
					+ " skillExchange.slack.appToken is an App-Level Token (xapp-) with connections:write", e.getMessage());
		}
	}

	@Override
	public void stop() {
		SocketModeApp running = socketModeApp;
		socketModeApp = null;
		if (running != null) {
			try {
				running.close();
			}
			catch (Exception e) {
				log.debug("Closing the Socket Mode link failed", e);
			}
		}
	}

	State state() {
		SocketModeApp running = socketModeApp;
		if (running != null) {
			// The SDK reconnects by itself after a drop; until then the session is not open.
			return running.getClient() != null && running.getClient().verifyConnection()
					? new State(State.Link.CONNECTED, "Socket Mode link to Slack is open")
					: new State(State.Link.RECONNECTING, "the Socket Mode link dropped; the SDK is reconnecting");
		}
		if (startFailure != null) {
			return new State(State.Link.FAILED, startFailure);
		}
		if (!"socket".equals(settings.mode())) {
			return new State(State.Link.OFF, "skillExchange.slack.mode is " + settings.mode() + ": interactions arrive over HTTP");
		}
		if (!settings.hasToken()) {
			return new State(State.Link.OFF, "no skillExchange.slack.token");
		}
		return new State(State.Link.OFF, "no skillExchange.slack.appToken; interactions (buttons) need it in Socket Mode");
	}

	@Override
	public boolean isRunning() {
		return socketModeApp != null;
	}
}

package org.skillexchange.channels.backstage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.function.Consumer;

import org.skillexchange.diagnostics.Check;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Backstage checked for {@code doctor}: reachable, Skill Exchange's token accepted, notifications
 * backend answering. It sends the channel's probe (a notification to nobody, which Backstage checks
 * and does not store).
 */
public final class BackstageDiagnostics {

	static final String REACHABLE = "Backstage reachable";

	static final String TOKEN = "Backstage accepts the token";

	static final String PLUGIN = "Backstage notifications plugin";

	/** The channel's snippet, without its leading "Fix: " since doctor prints its own. */
	private static final String EXTERNAL_ACCESS_FIX = BackstageChannel.EXTERNAL_ACCESS_FIX.replaceFirst("^Fix: ", "");

	private final boolean enabled;

	private final BackstageSettings settings;

	private final URI backendBaseUrl;

	private BackstageDiagnostics(boolean enabled, BackstageSettings settings, URI backendBaseUrl) {
		this.enabled = enabled;
		this.settings = settings;
		this.backendBaseUrl = backendBaseUrl;
	}

	/** Diagnostics for flattened app-config properties (as {@code AppConfig.toProperties()} gives them). */
	public static BackstageDiagnostics of(Map<String, ?> properties) {
		var binder = new Binder(new MapConfigurationPropertySource(properties));
		return new BackstageDiagnostics(binder.bind("skill-exchange.notifications.enabled", Boolean.class).orElse(false),
				binder.bindOrCreate("skill-exchange.backstage", BackstageSettings.class),
				binder.bind("backend.base-url", URI.class).orElse(URI.create("http://localhost:7007")));
	}

	/** Runs the checks in order, handing each to {@code report} as soon as it is done. */
	public void run(Consumer<Check> report) {
		if (!enabled) {
			report.accept(Check.skipped(REACHABLE, "the Backstage channel is off (skillExchange.notifications.enabled is not true)"));
			return;
		}
		if (!settings.hasToken()) {
			report.accept(Check.skipped(REACHABLE, "no token to call Backstage with"));
			report.accept(Check.failed(TOKEN, "skillExchange.backstage.token is not set", EXTERNAL_ACCESS_FIX));
			return;
		}
		var api = new BackstageApi(backendBaseUrl, settings.token(), settings.timeout());
		BackstageApi.Answer answer;
		try {
			answer = api.send(new NotificationSendOptions(NotificationSendOptions.Recipients.nobody(),
					new NotificationSendOptions.Payload("Skill Exchange connection check", null, null, null, null, null, null)));
		}
		catch (IOException e) {
			String why = e instanceof HttpTimeoutException ? "no answer within " + settings.timeout().toMillis() + " ms"
					: e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName();
			report.accept(Check.failed(REACHABLE, "cannot reach Backstage at " + backendBaseUrl + " (" + why + ")",
					"start Backstage, or set backend.baseUrl to its backend's URL (the one serving /api/…)"));
			report.accept(Check.skipped(TOKEN, "Backstage is not reachable"));
			report.accept(Check.skipped(PLUGIN, "Backstage is not reachable"));
			return;
		}
		report.accept(Check.passed(REACHABLE, backendBaseUrl + " answered HTTP " + answer.status()));
		int status = answer.status();
		if (status == 401 || status == 403) {
			report.accept(Check.failed(TOKEN, "Backstage refused Skill Exchange's token (HTTP " + status + " " + answer.error() + ")",
					EXTERNAL_ACCESS_FIX));
			report.accept(Check.skipped(PLUGIN, "needs an accepted token"));
			return;
		}
		if (status == 404) {
			report.accept(Check.skipped(TOKEN, "no notifications backend to check it against"));
			report.accept(Check.failed(PLUGIN, "no notifications backend at " + api.endpoint() + " (HTTP 404)",
					"check backend.baseUrl, and that Backstage runs @backstage/plugin-notifications-backend"));
			return;
		}
		report.accept(Check.passed(TOKEN, "accepted"));
		report.accept(status == 200 ? Check.passed(PLUGIN, "answering at " + api.endpoint())
				: Check.failed(PLUGIN, "Backstage answered HTTP " + status + " " + answer.error() + " at " + api.endpoint(),
						"check Backstage's log for this error"));
	}
}

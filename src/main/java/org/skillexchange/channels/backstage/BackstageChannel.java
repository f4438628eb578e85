package org.skillexchange.channels.backstage;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.spi.ChannelStatus;
import org.skillexchange.notifications.spi.DeliveryOutcome;
import org.skillexchange.notifications.spi.DeliveryRequest;
import org.skillexchange.notifications.spi.NotificationChannel;
import org.skillexchange.notifications.spi.NotificationContent;

import tools.jackson.databind.JsonNode;

/**
 * Sends each delivery to the organisation's Backstage notifications backend as the recipient's own
 * notification. The payload's {@code scope} is the notification's scope or the delivery id, so a
 * retry replaces the Backstage notification instead of adding a second one.
 */
class BackstageChannel implements NotificationChannel {

	static final String ID = "backstage";

	/** Backstage stores the title as varchar(255) on PostgreSQL and rejects longer ones. */
	static final int MAX_TITLE = 255;

	static final String EXTERNAL_ACCESS_FIX = """
			Fix: in Backstage's app-config.yaml add this entry, with the same token as skillExchange.backstage.token:
			backend:
			  auth:
			    externalAccess:
			      - type: static
			        options:
			          token: ${SKILL_EXCHANGE_BACKSTAGE_TOKEN}
			          subject: external:skill-exchange
			        accessRestrictions:
			          - plugin: notifications""";

	/** How Backstage words a failure inside its send flow, which it answers with 400 like a bad request. */
	static final String BACKEND_FAILURE = "Failed to send user notifications; caused by";

	private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");

	private final BackstageSettings settings;

	private final boolean enabled;

	private final URI appBaseUrl;

	private final URI backendBaseUrl;

	private final Clock clock;

	private final @Nullable BackstageApi api;

	/** The origin Backstage stored on our last notification (the token's subject), for the opt-out reason. */
	private volatile @Nullable String origin;

	BackstageChannel(BackstageSettings settings, boolean enabled, URI appBaseUrl, URI backendBaseUrl, Clock clock) {
		this.settings = settings;
		this.enabled = enabled;
		this.appBaseUrl = appBaseUrl;
		this.backendBaseUrl = backendBaseUrl;
		this.clock = clock;
		this.api = settings.hasToken() ? new BackstageApi(backendBaseUrl, settings.token(), settings.timeout()) : null;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public ChannelStatus status() {
		if (!enabled) {
			return ChannelStatus.off("skillExchange.notifications.enabled is not true");
		}
		if (api == null) {
			return ChannelStatus.off("skillExchange.backstage.token is not set; " + EXTERNAL_ACCESS_FIX);
		}
		return ChannelStatus.on("sending to " + backendBaseUrl);
	}

	@Override
	public DeliveryOutcome deliver(DeliveryRequest request) {
		if (api == null || !enabled) {
			return new DeliveryOutcome.ChannelDown(status().detail());
		}
		BackstageApi.Answer answer;
		try {
			answer = api.send(optionsFor(request));
		}
		catch (ConnectException | HttpConnectTimeoutException e) {
			// Nothing listens (Backstage stopped, or a wrong backend.baseUrl): no delivery can get through, so the
			// channel waits for a probe instead of each delivery using up its attempts while Backstage is away.
			return new DeliveryOutcome.ChannelDown(unreachable(e));
		}
		catch (HttpTimeoutException e) {
			return new DeliveryOutcome.RetryLater("Backstage at " + backendBaseUrl + " did not answer within "
					+ settings.timeout().toMillis() + " ms", null);
		}
		catch (IOException e) {
			return new DeliveryOutcome.RetryLater(unreachable(e), null);
		}
		return outcomeOf(answer);
	}

	@Override
	public Optional<String> probe() {
		if (api == null || !enabled) {
			return Optional.of(status().detail());
		}
		try {
			// A valid send to nobody: Backstage checks the token, stores nothing and answers 200 [].
			var answer = api.send(new NotificationSendOptions(NotificationSendOptions.Recipients.nobody(),
					new NotificationSendOptions.Payload("Skill Exchange connection check", null, null, null, null, null, null)));
			DeliveryOutcome outcome = outcomeOf(answer);
			if (outcome instanceof DeliveryOutcome.Delivered || outcome instanceof DeliveryOutcome.Skipped) {
				return Optional.empty();
			}
			return Optional.of(reasonOf(outcome));
		}
		catch (IOException e) {
			return Optional.of(unreachable(e));
		}
	}

	private String unreachable(IOException e) {
		return "cannot reach Backstage at " + backendBaseUrl + ": " + describe(e);
	}

	NotificationSendOptions optionsFor(DeliveryRequest request) {
		NotificationContent notification = request.notification();
		String scope = notification.scope() != null ? notification.scope() : "skill-exchange:" + request.deliveryId();
		var payload = new NotificationSendOptions.Payload(shortened(notification.title()), notification.description(),
				absolute(notification.link()), notification.severity().id(), notification.topic(), scope,
				Map.of("skillExchangeNotificationId", notification.id().toString(), "type", notification.type().id()));
		return new NotificationSendOptions(NotificationSendOptions.Recipients.user(request.recipient()), payload);
	}

	private DeliveryOutcome outcomeOf(BackstageApi.Answer answer) {
		int status = answer.status();
		if (status == 200) {
			return sent(answer);
		}
		if (status == 401 || status == 403) {
			return new DeliveryOutcome.ChannelDown("Backstage at " + backendBaseUrl + " refused Skill Exchange's token (HTTP "
					+ status + " " + answer.error() + "). " + EXTERNAL_ACCESS_FIX);
		}
		if (status == 404 && api != null && api.readiness().filter(readiness -> readiness == 503).isPresent()) {
			// While Backstage starts, its router is up before the plugins: 404 here, 503 from its readiness check.
			return new DeliveryOutcome.ChannelDown("Backstage at " + backendBaseUrl + " is starting or stopping (its readiness "
					+ "check answers 503); deliveries wait and resume once it is ready");
		}
		if (status == 404) {
			return new DeliveryOutcome.ChannelDown("Backstage at " + backendBaseUrl + " has no notifications backend (HTTP 404 on "
					+ BackstageApi.NOTIFICATIONS_PATH + "). Fix: check backend.baseUrl, and that Backstage runs "
					+ "@backstage/plugin-notifications-backend");
		}
		if (status == 400 && answer.error().contains(BACKEND_FAILURE)) {
			// Backstage reports its own failures while sending (its database, say) as 400; for a user ref they pass.
			return new DeliveryOutcome.RetryLater("Backstage could not store the notification (HTTP 400 " + answer.error() + ")",
					retryAfter(answer.retryAfter()));
		}
		if (status == 429 || status >= 500) {
			return new DeliveryOutcome.RetryLater("Backstage answered HTTP " + status + " " + answer.error(),
					retryAfter(answer.retryAfter()));
		}
		return new DeliveryOutcome.PermanentFailure("Backstage rejected the notification (HTTP " + status + " "
				+ answer.error() + ")");
	}

	private DeliveryOutcome sent(BackstageApi.Answer answer) {
		var created = answer.json().filter(JsonNode::isArray);
		if (created.isEmpty()) {
			// Ambiguous: it may have been stored. The scope makes the retry replace it rather than add a second one.
			return new DeliveryOutcome.RetryLater("Backstage answered 200 without a list of notifications: " + answer.error(), null);
		}
		if (created.get().isEmpty()) {
			return new DeliveryOutcome.Skipped("the recipient turned off Skill Exchange notifications in Backstage (origin "
					+ (origin != null ? origin : "the subject of Skill Exchange's token in backend.auth.externalAccess") + ")");
		}
		var notification = BackstageNotification.of(created.get().get(0));
		if (!notification.origin().isBlank()) {
			origin = notification.origin();
		}
		return new DeliveryOutcome.Delivered(notification.id());
	}

	private static String reasonOf(DeliveryOutcome outcome) {
		if (outcome instanceof DeliveryOutcome.ChannelDown down) {
			return down.reason();
		}
		if (outcome instanceof DeliveryOutcome.RetryLater later) {
			return later.reason();
		}
		return outcome instanceof DeliveryOutcome.PermanentFailure failure ? failure.reason() : outcome.toString();
	}

	private @Nullable String absolute(@Nullable String link) {
		// A link with a scheme goes as given (Backstage itself rejects javascript: and the like).
		if (link == null || link.isBlank() || SCHEME.matcher(link).lookingAt()) {
			return link;
		}
		return appBaseUrl.toString().replaceAll("/+$", "") + "/" + link.replaceAll("^/+", "");
	}

	private static String shortened(String title) {
		return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
	}

	private @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		if (header.strip().matches("\\d+")) {
			return Duration.ofSeconds(Long.parseLong(header.strip()));
		}
		try {
			var until = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			var wait = Duration.between(clock.instant(), until);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String describe(IOException e) {
		String message = e.getMessage();
		if (e instanceof java.net.ConnectException) {
			return "connection refused";
		}
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}
}

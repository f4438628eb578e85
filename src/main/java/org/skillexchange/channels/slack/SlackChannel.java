package org.skillexchange.channels.slack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Message;
import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.spi.ChannelStatus;
import org.skillexchange.notifications.spi.DeliveryOutcome;
import org.skillexchange.notifications.spi.DeliveryRequest;
import org.skillexchange.notifications.spi.NotificationChannel;
import org.skillexchange.templates.SlackMessage;
import org.skillexchange.templates.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Slack DMs from the app's bot. A steady-state DM is one {@code chat.postMessage} to the cached DM
 * channel; its metadata carries the delivery id, so after a post that got no answer the next
 * attempt looks for the message before posting again.
 */
@Component
@Conditional(SlackConfigured.class)
class SlackChannel implements NotificationChannel {

	static final String ID = "slack";

	static final String EVENT_TYPE = "skill_exchange_delivery";

	/** How far before an unanswered post to look for it: clocks of Slack and ours differ a little. */
	private static final Duration HISTORY_MARGIN = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(SlackChannel.class);

	/** One Slack call, given the bot's client. */
	@FunctionalInterface
	private interface SlackCall<T extends SlackApiTextResponse> {

		T send(MethodsClient client) throws IOException, SlackApiException;
	}

	private final SlackSettings settings;

	private final Slack slack;

	private final SlackLookupCache cache;

	private final SlackRateLimiter limiter;

	private final ObjectProvider<Templates> templates;

	private final SlackRecipientDirectory directory;

	private volatile boolean warnedAboutHistoryScope;

	/** What the check at start found wrong with the bot token, until a probe finds it fixed. */
	private volatile @Nullable String startProblem;

	SlackChannel(SlackSettings settings, Slack slack, SlackLookupCache cache, SlackRateLimiter limiter,
			ObjectProvider<Templates> templates, SlackRecipientDirectory directory) {
		this.settings = settings;
		this.slack = slack;
		this.cache = cache;
		this.limiter = limiter;
		this.templates = templates;
		this.directory = directory;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public ChannelStatus status() {
		if (!settings.hasToken()) {
			return ChannelStatus.off("no skillExchange.slack.token; add the app's Bot User OAuth Token to send Slack DMs");
		}
		if (templates.getIfAvailable() == null) {
			return ChannelStatus.off("no Slack templates are available");
		}
		return ChannelStatus.on("DMs from the Slack app through " + settings.apiUrl());
	}

	@Override
	public DeliveryOutcome deliver(DeliveryRequest request) {
		if (!settings.hasToken()) {
			return new DeliveryOutcome.ChannelDown(status().detail());
		}
		String knownProblem = startProblem;
		if (knownProblem != null) {
			return new DeliveryOutcome.ChannelDown(knownProblem);
		}
		try {
			Optional<String> userId = slackUser(request.recipient());
			if (userId.isEmpty()) {
				return new DeliveryOutcome.PermanentFailure(request.recipient()
						+ " is not in the members directory or has no email or slack.com/user_id annotation");
			}
			String dm = dmChannel(userId.get());
			Optional<Instant> unanswered = cache.unansweredPost(request.deliveryId());
			if (unanswered.isPresent()) {
				Optional<String> ts = findPosted(dm, request.deliveryId(), unanswered.get());
				if (ts.isPresent()) {
					cache.postSettled(request.deliveryId());
					return new DeliveryOutcome.Delivered(dm + "/" + ts.get());
				}
			}
			return post(request.deliveryId(), dm, templates.getObject().renderSlack(request.notification()));
		}
		catch (SlackCallFailed e) {
			return e.outcome;
		}
	}

	@Override
	public Optional<String> probe() {
		if (!settings.hasToken()) {
			return Optional.of(status().detail());
		}
		Optional<DeliveryOutcome> problem = tokenProblem();
		if (problem.isEmpty()) {
			startProblem = null;
		}
		return problem.map(SlackChannel::reason);
	}

	/**
	 * At start, {@code auth.test} and the granted scopes: a bad token or a missing scope takes the channel
	 * down with the fix at its first delivery, instead of each DM finding out, until a probe succeeds.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void checkAtStart() {
		if (!settings.hasToken()) {
			return;
		}
		Optional<DeliveryOutcome> problem = tokenProblem();
		if (problem.isPresent() && problem.get() instanceof DeliveryOutcome.ChannelDown down) {
			startProblem = down.reason();
			log.warn("Slack channel down: {}", down.reason());
		}
		else if (problem.isPresent()) {
			log.warn("Could not check the Slack bot token at start: {}", reason(problem.get()));
		}
	}

	/** {@code auth.test} on the bot token and its scopes against what the service needs; empty when both are fine. */
	private Optional<DeliveryOutcome> tokenProblem() {
		try {
			var response = call("auth.test", null, client -> client.authTest(r -> r));
			List<String> missing = SlackErrors.missingFrom(header(response, "x-oauth-scopes"));
			return missing.isEmpty() ? Optional.empty()
					: Optional.of(new DeliveryOutcome.ChannelDown(SlackErrors.missingScopes(missing, header(response, "x-oauth-scopes"))));
		}
		catch (SlackCallFailed e) {
			return Optional.of(e.outcome);
		}
	}

	private Optional<String> slackUser(String recipient) {
		var member = directory.find(recipient);
		if (member.isEmpty()) {
			return Optional.empty();
		}
		if (member.get().slackUserId() != null) {
			return Optional.of(member.get().slackUserId());
		}
		String email = member.get().email();
		if (email == null || email.isBlank()) {
			return Optional.empty();
		}
		var cached = cache.user(email);
		if (cached.isPresent()) {
			if (cached.get().userId() == null) {
				throw new SlackCallFailed(SlackErrors.outcome("users.lookupByEmail", "users_not_found", null, null), "users_not_found",
						false);
			}
			return Optional.of(cached.get().userId());
		}
		try {
			String id = call("users.lookupByEmail", null, client -> client.usersLookupByEmail(r -> r.email(email))).getUser().getId();
			cache.rememberUser(email, id);
			return Optional.of(id);
		}
		catch (SlackCallFailed e) {
			if ("users_not_found".equals(e.error)) {
				cache.rememberUser(email, null);
			}
			throw e;
		}
	}

	private String dmChannel(String userId) {
		Optional<String> cached = cache.dm(userId);
		if (cached.isPresent()) {
			return cached.get();
		}
		String channel = call("conversations.open", null, client -> client.conversationsOpen(r -> r.users(List.of(userId))))
			.getChannel()
			.getId();
		cache.rememberDm(userId, channel);
		return channel;
	}

	private DeliveryOutcome post(UUID deliveryId, String dm, SlackMessage message) {
		var metadata = new Message.Metadata(EVENT_TYPE, Map.of("delivery_id", deliveryId.toString()));
		try {
			var response = call(SlackRateLimiter.POST_MESSAGE, dm, client -> {
				cache.postStarted(deliveryId, dm);
				// Recording the start is a database round trip after the limiter let this post through; a 429 that
				// came back to another post meanwhile holds this one back too, or it would reach Slack inside that Retry-After.
				limiter.heldBack(SlackRateLimiter.POST_MESSAGE).ifPresent(wait -> {
					throw new SlackCallFailed(new DeliveryOutcome.Deferred("Slack's rate limit on " + SlackRateLimiter.POST_MESSAGE, wait),
							null, false);
				});
				return client.chatPostMessage(r -> r.channel(dm).text(message.text()).blocksAsString(message.blocksJson()).metadata(metadata));
			});
			cache.postSettled(deliveryId);
			return new DeliveryOutcome.Delivered(response.getChannel() + "/" + response.getTs());
		}
		catch (SlackCallFailed e) {
			if (!e.ambiguous) {
				cache.postSettled(deliveryId);
			}
			if ("channel_not_found".equals(e.error) || "is_archived".equals(e.error)) {
				cache.forgetDm(dm);
			}
			throw e;
		}
	}

	/** The ts of this delivery's message in the DM, if an earlier unanswered post did arrive. */
	private Optional<String> findPosted(String dm, UUID deliveryId, Instant postedAfter) {
		Instant oldest = postedAfter.minus(HISTORY_MARGIN);
		String since = oldest.getEpochSecond() + ".000000";
		try {
			var history = call("conversations.history", null,
					client -> client.conversationsHistory(r -> r.channel(dm).oldest(since).includeAllMetadata(true).limit(200)));
			return history.getMessages()
				.stream()
				.filter(m -> m.getMetadata() != null && EVENT_TYPE.equals(m.getMetadata().getEventType())
						&& m.getMetadata().getEventPayload() != null
						&& deliveryId.toString().equals(String.valueOf(m.getMetadata().getEventPayload().get("delivery_id"))))
				.map(Message::getTs)
				.findFirst();
		}
		catch (SlackCallFailed e) {
			if (!"missing_scope".equals(e.error)) {
				throw e;
			}
			if (!warnedAboutHistoryScope) {
				warnedAboutHistoryScope = true;
				log.warn("Cannot check whether an unanswered Slack post arrived (the bot token lacks im:history); posting again."
						+ " Add im:history to the app's bot scopes to avoid duplicate DMs after timeouts.");
			}
			return Optional.empty();
		}
	}

	/** Sends one call within our rate limits and turns every way it can fail into a {@link SlackCallFailed}. */
	private <T extends SlackApiTextResponse> T call(String method, @Nullable String channel, SlackCall<T> call) {
		Optional<Duration> wait = limiter.acquire(method, channel);
		if (wait.isPresent()) {
			throw new SlackCallFailed(new DeliveryOutcome.Deferred("Slack's rate limit on " + method, wait.get()),
					null, false);
		}
		try {
			T response = call.send(slack.methods(settings.token()));
			if (!response.isOk()) {
				throw new SlackCallFailed(SlackErrors.outcome(method, response.getError(), response.getNeeded(), response.getProvided()),
						response.getError(), false);
			}
			return response;
		}
		catch (SlackApiException e) {
			int status = e.getResponse().code();
			if (status == 429) {
				Duration retryAfter = retryAfter(e.getResponse().header("Retry-After"));
				limiter.rateLimited(method, retryAfter);
				throw new SlackCallFailed(new DeliveryOutcome.RetryLater("Slack rate-limited " + method + " (429)", retryAfter),
						"ratelimited", false);
			}
			throw new SlackCallFailed(new DeliveryOutcome.RetryLater("Slack answered HTTP " + status + " to " + method, null), null,
					status >= 500);
		}
		catch (IOException e) {
			throw new SlackCallFailed(new DeliveryOutcome.RetryLater("no answer from Slack to " + method + " ("
					+ e.getClass().getSimpleName() + ")", null), null, true);
		}
	}

	private static Duration retryAfter(@Nullable String header) {
		try {
			return Duration.ofSeconds(Math.max(1, Long.parseLong(String.valueOf(header).trim())));
		}
		catch (NumberFormatException e) {
			return Duration.ofSeconds(1);
		}
	}

	private static @Nullable String header(SlackApiTextResponse response, String name) {
		var values = response.getHttpResponseHeaders() == null ? null : response.getHttpResponseHeaders().get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	private static String reason(DeliveryOutcome outcome) {
		if (outcome instanceof DeliveryOutcome.ChannelDown down) {
			return down.reason();
		}
		if (outcome instanceof DeliveryOutcome.RetryLater later) {
			return later.reason();
		}
		return outcome instanceof DeliveryOutcome.PermanentFailure failure ? failure.reason() : outcome.toString();
	}
}

package org.skillexchange.channels.slack;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import org.jspecify.annotations.Nullable;
import org.skillexchange.auth.AccessDenied;
import org.skillexchange.gigs.ConnectionStatus;
import org.skillexchange.gigs.Gigs;
import org.skillexchange.hacks.Hacks;
import org.skillexchange.members.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the buttons of the shipped templates do. A click is taken off the caller's thread at once, so
 * Socket Mode and HTTP can acknowledge within Slack's 3 seconds; the work follows. The first click the
 * domain accepts claims the message in the same transaction as its effect, so a double click or a
 * redelivered envelope changes nothing twice; then {@code chat.update} turns the message into its outcome.
 */
@Component
class SlackButtons implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SlackButtons.class);

	/** How Slack numbers redeliveries over HTTP; Bolt sets it from a Socket Mode envelope's {@code retry_attempt}. */
	static final String RETRY_HEADER = "X-Slack-Retry-Num";

	private static final String GIG_MANAGERS = "only the post's owners or contact can";

	/** The buttons the templates ship with: action id, what it does in words, who may, and its outcome. */
	enum Button {
		ACCEPT("gig_connection_accept", "add participants to this post", GIG_MANAGERS, "Added"),
		DECLINE("gig_connection_decline", "decline requests on this post", GIG_MANAGERS, "Declined"),
		STOP_REMINDERS("gig_reminders_stop", "stop reminders for this post", GIG_MANAGERS, "Reminders stopped"),
		ADD_TO_TEAM("hack_member_add", "add members to this hack", "only its members can", "Added");

		final String actionId;

		final String action;

		final String allowed;

		final String outcome;

		Button(String actionId, String action, String allowed, String outcome) {
			this.actionId = actionId;
			this.action = action;
			this.allowed = allowed;
			this.outcome = outcome;
		}

		static Optional<Button> of(String actionId) {
			return Arrays.stream(values()).filter(button -> button.actionId.equals(actionId)).findFirst();
		}
	}

	/** Another click on the same message got there first. */
	private static final class AlreadyClicked extends RuntimeException {

		AlreadyClicked(SlackClick click) {
			super("message " + click.channelId() + "/" + click.messageTs() + " was already acted on", null, false, false);
		}
	}

	private final SlackClickers clickers;

	private final MemberRecipientDirectory directory;

	private final Gigs gigs;

	private final Hacks hacks;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Slack slack;

	private final SlackSettings settings;

	private final Clock clock;

	/** One worker: clicks are rare, and handling them in arrival order keeps a user's double click in order. */
	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "slack-buttons");
		thread.setDaemon(true);
		return thread;
	});

	SlackButtons(SlackClickers clickers, MemberRecipientDirectory directory, Gigs gigs, Hacks hacks, JdbcClient jdbc,
			PlatformTransactionManager transactions, Slack slack, SlackSettings settings, Clock clock, SlackSocketMode socketMode) {
		this.clickers = clickers;
		this.directory = directory;
		this.gigs = gigs;
		this.hacks = hacks;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.slack = slack;
		this.settings = settings;
		this.clock = clock;
		socketMode.onClick(this::clicked);
	}

	/**
	 * Takes a {@code block_actions} payload and Slack's retry number header, if any; returns at once,
	 * the work runs after the caller's ack.
	 */
	void clicked(String payloadJson, @Nullable String retryHeader) {
		SlackClick.parse(payloadJson, retryAttempt(retryHeader)).ifPresent(click -> executor.execute(() -> handle(click)));
	}

	private static int retryAttempt(@Nullable String header) {
		try {
			return header == null ? 0 : Integer.parseInt(header.trim());
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	void handle(SlackClick click) {
		Optional<Button> button = Button.of(click.actionId());
		if (button.isEmpty()) {
			log.debug("Ignoring Slack action {}: not one of ours", click.actionId());
			return;
		}
		try {
			Optional<Member> clicker = clickers.member(click.userId());
			if (clicker.isEmpty()) {
				ephemeral(click, "You are not allowed to " + button.get().action + " (" + button.get().allowed
						+ ", and your Slack account matches no member of the directory).");
				return;
			}
			transaction.executeWithoutResult(status -> {
				claim(click, clicker.get().ref());
				perform(button.get(), clicker.get().ref(), click.value());
			});
			update(click, button.get().outcome + " by " + mrkdwn(clicker.get().displayName()) + " on "
					+ LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		}
		catch (AlreadyClicked e) {
			log.debug("Slack click {} (retry {}) repeated: {}", click.actionId(), click.retryAttempt(), e.getMessage());
			// A redelivered envelope is Slack's repeat, not the user's: they got their answer the first time.
			if (click.retryAttempt() == 0) {
				ephemeral(click, "Already done by " + firstClicker(click) + "; nothing changed.");
			}
		}
		catch (AccessDenied e) {
			ephemeral(click, "You are not allowed to " + button.get().action + " (" + button.get().allowed + ").");
		}
		catch (RuntimeException e) {
			log.warn("Slack button {} with value {} failed: {}", click.actionId(), click.value(), e.getMessage());
			ephemeral(click, "Could not " + button.get().action + ": the post or request may no longer exist. Try it in Backstage.");
		}
	}

	private void claim(SlackClick click, String actor) {
		try {
			jdbc.sql("insert into slack_button_click (channel_id, message_ts, action_id, clicked_by, clicked_at) values (?, ?, ?, ?, ?)")
				.params(click.channelId(), click.messageTs(), click.actionId(), actor, clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new AlreadyClicked(click);
		}
	}

	private String firstClicker(SlackClick click) {
		return jdbc.sql("select clicked_by from slack_button_click where channel_id = ? and message_ts = ?")
			.params(click.channelId(), click.messageTs())
			.query(String.class)
			.optional()
			.map(ref -> directory.member(ref).map(Member::displayName).orElse(ref))
			.orElse("someone");
	}

	private void perform(Button button, String actor, String value) {
		switch (button) {
			case ACCEPT -> gigs.changeConnection(actor, UUID.fromString(value), ConnectionStatus.ACCEPTED);
			case DECLINE -> gigs.changeConnection(actor, UUID.fromString(value), ConnectionStatus.DECLINED);
			case STOP_REMINDERS -> gigs.stopReminders(actor, UUID.fromString(value));
			case ADD_TO_TEAM -> {
				int bar = value.indexOf('|');
				if (bar < 0) {
					throw new IllegalArgumentException("hack_member_add value is not hackId|requester");
				}
				hacks.addMember(actor, UUID.fromString(value.substring(0, bar)), value.substring(bar + 1));
			}
		}
	}

	/** The message as it was, without its buttons, and the outcome where they were. */
	private void update(SlackClick click, String outcome) {
		var blocks = new JsonArray();
		for (JsonElement block : JsonParser.parseString(click.blocksJson()).getAsJsonArray()) {
			if (!block.isJsonObject() || !"actions".equals(block.getAsJsonObject().get("type").getAsString())) {
				blocks.add(block);
			}
		}
		var text = new JsonObject();
		text.addProperty("type", "mrkdwn");
		text.addProperty("text", outcome);
		var elements = new JsonArray();
		elements.add(text);
		var context = new JsonObject();
		context.addProperty("type", "context");
		context.add("elements", elements);
		blocks.add(context);
		try {
			var response = slack.methods(settings.token())
				.chatUpdate(r -> r.channel(click.channelId()).ts(click.messageTs()).text(outcome).blocksAsString(blocks.toString()));
			if (!response.isOk()) {
				log.warn("Slack chat.update of {}/{} failed: {}", click.channelId(), click.messageTs(), response.getError());
			}
		}
		catch (IOException | SlackApiException e) {
			log.warn("Slack chat.update of {}/{} failed: {}", click.channelId(), click.messageTs(), e.getMessage());
		}
	}

	/** A reply only the clicker sees, through the click's {@code response_url}. */
	private void ephemeral(SlackClick click, String text) {
		if (click.responseUrl() == null) {
			log.warn("Cannot tell Slack user {} why their click did nothing: the payload has no response_url", click.userId());
			return;
		}
		var body = new JsonObject();
		body.addProperty("response_type", "ephemeral");
		body.addProperty("replace_original", false);
		body.addProperty("text", text);
		try {
			var response = slack.send(click.responseUrl(), body.toString());
			if (response.getCode() != 200) {
				log.warn("Slack response_url answered HTTP {}", response.getCode());
			}
		}
		catch (IOException e) {
			log.warn("Slack response_url did not answer: {}", e.getMessage());
		}
	}

	/** User-written text (display names) must not turn into mentions or links. */
	private static String mrkdwn(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}

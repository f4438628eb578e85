package org.skillexchange.channels.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's interactivity and events over HTTP, for workspaces that do not use Socket Mode. Every
 * request must carry a valid signature; the body is read raw because the signature covers its bytes.
 * A signed button click is handed to {@link SlackButtons} and acknowledged at once; its work follows.
 */
@RestController
class SlackEventsController {

	private final @Nullable SlackRequestVerifier verifier;

	private final SlackButtons buttons;

	SlackEventsController(SlackSettings settings, Clock clock, SlackButtons buttons) {
		this.buttons = buttons;
		String secret = settings.signingSecret();
		this.verifier = secret == null || secret.isBlank() ? null : new SlackRequestVerifier(secret, clock);
	}

	@PostMapping("/api/skill-exchange/slack/events")
	ResponseEntity<?> receive(@RequestBody(required = false) byte @Nullable [] body,
			@RequestHeader(name = "X-Slack-Request-Timestamp", required = false) @Nullable String timestamp,
			@RequestHeader(name = "X-Slack-Signature", required = false) @Nullable String signature,
			@RequestHeader(name = SlackButtons.RETRY_HEADER, required = false) @Nullable String retryNum) {
		if (verifier == null) {
			return problem(HttpStatus.NOT_FOUND, "Slack over HTTP is off; set skillExchange.slack.signingSecret to turn it on");
		}
		byte[] raw = body == null ? new byte[0] : body;
		if (!verifier.isValid(timestamp, raw, signature)) {
			return problem(HttpStatus.UNAUTHORIZED, "invalid or stale Slack signature");
		}
		String text = new String(raw, StandardCharsets.UTF_8);
		if (text.startsWith("payload=")) {
			String payload;
			try {
				payload = URLDecoder.decode(text.substring(8), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException e) {
				return problem(HttpStatus.BAD_REQUEST, "the payload is not form-encoded: " + e.getMessage());
			}
			buttons.clicked(payload, retryNum);
			return ResponseEntity.ok().build();
		}
		String challenge = urlVerificationChallenge(text);
		return challenge == null ? ResponseEntity.ok().build() : ResponseEntity.ok(Map.of("challenge", challenge));
	}

	/** The Events API's one-off URL check, answered with its challenge. */
	private static @Nullable String urlVerificationChallenge(String body) {
		try {
			var parsed = JsonParser.parseString(body);
			if (parsed.isJsonObject()) {
				JsonObject object = parsed.getAsJsonObject();
				if ("url_verification".equals(SlackClick.text(object, "type"))) {
					return SlackClick.text(object, "challenge");
				}
			}
		}
		catch (JsonParseException | IllegalStateException e) {
			// Form posts (slash commands) are not JSON; nothing to answer but the ack.
		}
		return null;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}
}

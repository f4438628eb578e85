package org.skillexchange.channels.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Checks Slack's request signature strictly: {@code v0=HMAC-SHA256(secret, "v0:" + ts + ":" + raw body)},
 * compared in constant time, with the timestamp at most five minutes from now in either direction
 * (the SDK's check accepts any future timestamp).
 */
final class SlackRequestVerifier {

	static final Duration MAX_SKEW = Duration.ofMinutes(5);

	private final byte[] secret;

	private final Clock clock;

	SlackRequestVerifier(String signingSecret, Clock clock) {
		this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
		this.clock = clock;
	}

	boolean isValid(@Nullable String timestamp, byte[] rawBody, @Nullable String signature) {
		if (timestamp == null || signature == null) {
			return false;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.trim());
		}
		catch (NumberFormatException e) {
			return false;
		}
		long now = clock.instant().getEpochSecond();
		// Compared without subtracting: now - seconds overflows for a timestamp near Long.MIN_VALUE and would pass.
		if (seconds < now - MAX_SKEW.toSeconds() || seconds > now + MAX_SKEW.toSeconds()) {
			return false;
		}
		byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp.trim(), rawBody))).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8));
	}

	private byte[] hmac(String timestamp, byte[] rawBody) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(rawBody);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
		}
	}
}

package org.skillexchange.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.Test;
import org.skillexchange.testsupport.MutableClock;

class SlackRequestVerifierTests {

	/** Slack's published example (api.slack.com, verifying requests from Slack). */
	static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

	static final String TIMESTAMP = "1531420618";

	static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
			+ "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
			+ "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
			+ "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

	static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

	private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP)));

	private final SlackRequestVerifier verifier = new SlackRequestVerifier(SECRET, clock);

	private final byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

	@Test
	void acceptsSlacksPublishedExample() {
		assertThat(verifier.isValid(TIMESTAMP, body, SIGNATURE)).isTrue();
		assertThat(new SlackSignature.Generator(SECRET).generate(TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
	}

	@Test
	void rejectsAnyChangeToBodyTimestampOrSignature() {
		assertThat(verifier.isValid(TIMESTAMP, (BODY + "&x=1").getBytes(StandardCharsets.UTF_8), SIGNATURE)).isFalse();
		assertThat(verifier.isValid("1531420619", body, SIGNATURE)).isFalse();
		assertThat(verifier.isValid(TIMESTAMP, body, SIGNATURE.replace("a2114", "a2115"))).isFalse();
		assertThat(verifier.isValid(TIMESTAMP, body, null)).isFalse();
		assertThat(verifier.isValid(null, body, SIGNATURE)).isFalse();
		assertThat(verifier.isValid("soon", body, SIGNATURE)).isFalse();
	}

	@Test
	void acceptsFiveMinutesOfSkewEitherWayAndNoMore() {
		clock.advance(Duration.ofSeconds(300));
		assertThat(verifier.isValid(TIMESTAMP, body, SIGNATURE)).isTrue();
		clock.advance(Duration.ofSeconds(1));
		assertThat(verifier.isValid(TIMESTAMP, body, SIGNATURE)).isFalse();

		clock.set(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP)).minusSeconds(300));
		assertThat(verifier.isValid(TIMESTAMP, body, SIGNATURE)).isTrue();
		clock.advance(Duration.ofSeconds(-1));
		assertThat(verifier.isValid(TIMESTAMP, body, SIGNATURE)).isFalse();
	}

	@Test
	void rejectsATimestampSoFarBackThatTheSkewArithmeticWouldOverflow() {
		String farBack = Long.toString(Long.parseLong(TIMESTAMP) + Long.MIN_VALUE);
		String signed = new SlackSignature.Generator(SECRET).generate(farBack, BODY);

		assertThat(verifier.isValid(farBack, body, signed)).isFalse();
	}
}

package org.skillexchange.slacksim;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One Web API call as the simulator saw it, for assertions: the method, the token sent (test
 * tokens only), the parameters, when it arrived by the simulator's clock, and how it was answered
 * ({@code status} 0 when the connection was dropped; {@code error} null when ok, or for a drop the
 * work was done; {@code retryAfter} the Retry-After sent with a 429, else null), and the fault
 * injected into it, if any.
 */
public record RecordedRequest(String method, @Nullable String token, Map<String, String> params, Instant at, int status,
		@Nullable String error, @Nullable Duration retryAfter, @Nullable Fault fault) {
}

package org.skillexchange.slacksim;

import java.time.Duration;

/** A failure to inject into the next call(s) of a Web API method. */
public sealed interface Fault {

	/** Answers with this HTTP status (500, 502, 503) without doing anything. */
	record ServerError(int status) implements Fault {
	}

	/** Closes the connection without an answer, before doing anything. */
	record DropConnection() implements Fault {
	}

	/** Does the work, then closes the connection without an answer: the caller cannot know it succeeded. */
	record DropAfterWork() implements Fault {
	}

	/** Does the work, then waits this long before answering: the caller may time out and not know it succeeded. */
	record SlowAnswer(Duration delay) implements Fault {
	}

	/** Checks the token as usual, then answers {@code ok:false} with this error instead of doing the work. */
	record Rejects(String error) implements Fault {
	}

	/** Answers 429 with this Retry-After (seconds), as a rate limit would. */
	record RateLimited(int retryAfterSeconds) implements Fault {
	}
}

package org.skillexchange.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.skillexchange.slacksim.RecordedRequest;

/** Peaks of recorded Slack requests as Slack counts them: in windows that slide. */
public final class SlidingWindows {

	private SlidingWindows() {
	}

	/** The most requests within any {@code window}. */
	public static int peak(Collection<RecordedRequest> requests, Duration window) {
		List<Instant> times = requests.stream().map(RecordedRequest::at).sorted().toList();
		int peak = 0;
		for (int last = 0, first = 0; last < times.size(); last++) {
			while (!times.get(first).plus(window).isAfter(times.get(last))) {
				first++;
			}
			peak = Math.max(peak, last - first + 1);
		}
		return peak;
	}
}

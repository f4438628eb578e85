package org.skillexchange.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The earliest moments calls can go out under "at most {@code limit} within any {@code window}"
 * (Slack's workspace budget for chat.postMessage), sending each as soon as it is due and the window
 * allows, in order of due time, starting with an empty window. A benchmark compares its measured
 * latencies with this bound: what no sender could beat under that limit.
 */
record SlidingWindowBound(int limit, Duration window) {

	/** For due times in ascending order, the earliest send time of each. */
	List<Instant> earliestSends(List<Instant> dueTimes) {
		var sends = new ArrayList<Instant>(dueTimes.size());
		for (int k = 0; k < dueTimes.size(); k++) {
			Instant due = dueTimes.get(k);
			if (k > 0 && due.isBefore(dueTimes.get(k - 1))) {
				throw new IllegalArgumentException("due times must be in ascending order; " + due + " follows " + dueTimes.get(k - 1));
			}
			// The k-th call may go once the (k - limit)-th has left the window.
			Instant windowFree = k < limit ? due : sends.get(k - limit).plus(window);
			sends.add(windowFree.isAfter(due) ? windowFree : due);
		}
		return sends;
	}
}

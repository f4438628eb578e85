package org.skillexchange.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;

/** Latencies in milliseconds and their percentiles (nearest rank), for a benchmark's table. */
record Latencies(double[] sortedMillis) {

	static Latencies of(Collection<Duration> durations) {
		double[] millis = durations.stream().mapToDouble(d -> d.toNanos() / 1e6).sorted().toArray();
		return new Latencies(millis);
	}

	int count() {
		return sortedMillis.length;
	}

	/** The nearest-rank percentile, {@code p} in (0, 1]; NaN when there are none. */
	double percentile(double p) {
		if (sortedMillis.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p * sortedMillis.length) - 1;
		return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, index))];
	}

	double max() {
		return percentile(1.0);
	}

	/** p50 / p99 / max, in the unit that reads best (ms below 10 s, else s). */
	String summary() {
		return sortedMillis.length == 0 ? "–" : format(percentile(0.5)) + " / " + format(percentile(0.99)) + " / " + format(max());
	}

	static String format(double millis) {
		if (Double.isNaN(millis)) {
			return "–";
		}
		return millis < 10_000 ? String.format("%.0f ms", millis) : String.format("%.1f s", millis / 1000);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Latencies that && Arrays.equals(sortedMillis, that.sortedMillis);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(sortedMillis);
	}

	@Override
	public String toString() {
		return "Latencies" + summary();
	}
}

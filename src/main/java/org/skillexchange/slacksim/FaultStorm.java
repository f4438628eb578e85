package org.skillexchange.slacksim;

import java.util.List;
import java.util.Set;

/**
 * Faults drawn at random for every call of {@code methods}: each call gets at most one fault, with the
 * given shares (0.1 is one call in ten), and the rest are answered as usual. Faults injected with
 * {@link SlackSimulator#inject} come first. The draws follow {@code seed}, so a storm repeats the same
 * sequence of faults; which call gets which draw depends on the order the calls arrive in.
 */
public record FaultStorm(long seed, Set<String> methods, List<Share> shares) {

	/** One kind of fault and the share of calls it hits. */
	public record Share(Fault fault, double share) {

		public Share {
			if (share < 0 || share > 1) {
				throw new IllegalArgumentException("a share is between 0 and 1, not " + share);
			}
		}
	}

	public FaultStorm {
		methods = Set.copyOf(methods);
		shares = List.copyOf(shares);
		double total = shares.stream().mapToDouble(Share::share).sum();
		if (total > 1.000_001) {
			throw new IllegalArgumentException("the shares of a storm add up to " + total + ", more than every call");
		}
	}
}

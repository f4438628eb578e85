package org.skillexchange.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of a run: tries per endpoint and per kind, the statuses seen, and every violation (the first few in full). */
final class Tally {

	private static final int EXAMPLES = 40;

	final Map<String, Map<Integer, Integer>> statusesByEndpoint = new TreeMap<>();

	final Map<String, Integer> byKind = new TreeMap<>();

	final Map<Integer, Integer> statuses = new TreeMap<>();

	final Map<String, Integer> violationsByEndpoint = new TreeMap<>();

	final List<String> examples = new ArrayList<>();

	final AtomicLong requestNanos = new AtomicLong();

	int tries;

	int violations;

	int refusedBeforeTheApplication;

	long bytesSent;

	synchronized void add(BadInputApp.Exchange exchange, List<String> found) {
		tries++;
		int status = exchange.response().status();
		String endpoint = exchange.request().endpoint().name();
		statusesByEndpoint.computeIfAbsent(endpoint, e -> new TreeMap<>()).merge(status, 1, Integer::sum);
		byKind.merge(exchange.request().kind(), 1, Integer::sum);
		statuses.merge(status, 1, Integer::sum);
		requestNanos.addAndGet(exchange.nanos());
		bytesSent += exchange.request().body().length;
		if (status > 0 && !BadInputChecks.reachedApplication(exchange.response())) {
			refusedBeforeTheApplication++;
		}
		if (!found.isEmpty()) {
			violations++;
			violationsByEndpoint.merge(endpoint, 1, Integer::sum);
			if (examples.size() < EXAMPLES) {
				examples.add(found + " <- " + exchange.request());
			}
		}
	}

	int triesOf(String endpoint) {
		return statusesByEndpoint.getOrDefault(endpoint, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
	}
}

package org.skillexchange.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code concurrency} threads send {@code count} requests in all, each waiting
 * for its answer before sending the next. Latency is from send to the full response body.
 */
final class HttpLoad {

	private HttpLoad() {
	}

	record Result(String target, int requests, int concurrency, long failures, String firstFailure, double seconds,
			double perSecond, double p50Millis, double p99Millis, double maxMillis, long peakResidentMiB) {

		String row() {
			return String.format("| %s | %d | %d | %d | %.1f | %.0f | %.1f | %.1f | %.1f | %s |", target, requests, concurrency,
					failures, seconds, perSecond, p50Millis, p99Millis, maxMillis,
					peakResidentMiB < 0 ? "" : peakResidentMiB + " MiB");
		}

		static String header() {
			return "| target | requests | concurrency | failures | seconds | accepted/s | p50 ms | p99 ms | max ms | peak RSS |\n"
					+ "|---|---|---|---|---|---|---|---|---|---|";
		}
	}

	/** Runs the load; {@code pid} (or -1) is the server process whose resident memory is sampled meanwhile. */
	static Result run(HttpClient http, String target, int count, int concurrency, IntFunction<HttpRequest> request, long pid)
			throws InterruptedException {
		long[] latencies = new long[count];
		var next = new AtomicInteger();
		var failures = new AtomicLong();
		var firstFailure = new AtomicReference<String>("");
		var peakResident = new AtomicLong(-1);
		var done = new java.util.concurrent.atomic.AtomicBoolean();
		Thread rssSampler = new Thread(() -> {
			while (!done.get() && pid > 0) {
				peakResident.accumulateAndGet(BenchReport.residentMiB(pid), Math::max);
				java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
			}
		}, "bench-rss-sampler");
		rssSampler.setDaemon(true);
		rssSampler.start();
		List<Thread> senders = new ArrayList<>();
		long started = System.nanoTime();
		for (int t = 0; t < concurrency; t++) {
			var sender = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					long sent = System.nanoTime();
					try {
						var response = http.send(request.apply(i), HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() / 100 != 2) {
							failures.incrementAndGet();
							firstFailure.compareAndSet("", "HTTP " + response.statusCode() + " " + abbreviate(response.body()));
						}
					}
					catch (Exception e) {
						failures.incrementAndGet();
						firstFailure.compareAndSet("", e.toString());
					}
					latencies[i] = System.nanoTime() - sent;
				}
			}, "bench-sender-" + t);
			sender.start();
			senders.add(sender);
		}
		for (Thread sender : senders) {
			sender.join();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		done.set(true);
		rssSampler.join();
		Arrays.sort(latencies);
		return new Result(target, count, concurrency, failures.get(), firstFailure.get(), seconds, count / seconds,
				percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[count - 1] / 1e6, peakResident.get());
	}

	private static double percentile(long[] sorted, double p) {
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	private static String abbreviate(String body) {
		return body.length() > 300 ? body.substring(0, 300) + "…" : body;
	}
}

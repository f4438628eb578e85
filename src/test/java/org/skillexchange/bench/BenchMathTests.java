package org.skillexchange.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The arithmetic behind the benchmarks' tables: percentiles and the bound a rate limit sets. */
class BenchMathTests {

	private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

	@Test
	void percentilesAreNearestRank() {
		var latencies = Latencies.of(IntStream.rangeClosed(1, 100).mapToObj(i -> Duration.ofMillis(101 - i)).toList());

		assertThat(latencies.percentile(0.5)).isEqualTo(50.0);
		assertThat(latencies.percentile(0.99)).isEqualTo(99.0);
		assertThat(latencies.max()).isEqualTo(100.0);
		assertThat(Latencies.of(List.of(Duration.ofMillis(7))).percentile(0.99)).isEqualTo(7.0);
	}

	@Test
	void noLatenciesReadAsADash() {
		assertThat(Latencies.of(List.of()).summary()).isEqualTo("–");
		assertThat(Latencies.of(List.of(Duration.ofMillis(12), Duration.ofSeconds(12))).summary()).isEqualTo("12 ms / 12.0 s / 12.0 s");
	}

	@Test
	void callsWithinTheBudgetGoWhenDue() {
		var bound = new SlidingWindowBound(3, Duration.ofMinutes(1));
		var due = List.of(T0, T0.plusSeconds(1), T0.plusSeconds(2));

		assertThat(bound.earliestSends(due)).isEqualTo(due);
	}

	@Test
	void aCallBeyondTheBudgetWaitsUntilTheOldestLeavesTheWindow() {
		var bound = new SlidingWindowBound(2, Duration.ofMinutes(1));
		var due = List.of(T0, T0.plusSeconds(10), T0.plusSeconds(20), T0.plusSeconds(30), T0.plusSeconds(200));

		assertThat(bound.earliestSends(due)).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(60), T0.plusSeconds(70),
				T0.plusSeconds(200));
	}

	@Test
	void dueTimesOutOfOrderAreRefused() {
		var bound = new SlidingWindowBound(2, Duration.ofMinutes(1));

		assertThatIllegalArgumentException().isThrownBy(() -> bound.earliestSends(List.of(T0.plusSeconds(1), T0)));
	}

	@Test
	void prometheusSamplesAreSummedOverTheLabelsNotAskedFor() {
		var text = PrometheusText.parse("""
				# HELP skill_exchange_deliveries_total Delivery attempts
				# TYPE skill_exchange_deliveries_total counter
				skill_exchange_deliveries_total{channel="slack",outcome="deferred",type="gig.inquiry",} 120.0
				skill_exchange_deliveries_total{channel="slack",outcome="deferred",type="gig.inquiry.confirmation",} 30.0
				skill_exchange_deliveries_total{channel="backstage",outcome="delivered",type="gig.inquiry",} 7.0
				skill_exchange_delivery_send_seconds_sum{channel="backstage",} 1.5
				""");

		assertThat(text.sum("skill_exchange_deliveries_total", Map.of("channel", "slack", "outcome", "deferred"))).isEqualTo(150.0);
		assertThat(text.sum("skill_exchange_deliveries_total", Map.of())).isEqualTo(157.0);
		assertThat(text.sum("skill_exchange_delivery_send_seconds_sum", Map.of("channel", "backstage"))).isEqualTo(1.5);
		assertThat(text.sum("skill_exchange_delivery_send_seconds_sum", Map.of("channel", "slack"))).isZero();
	}
}

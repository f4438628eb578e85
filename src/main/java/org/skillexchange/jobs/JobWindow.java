package org.skillexchange.jobs;

import java.time.Instant;

/**
 * The time a run covers, {@code (since, until]}: from where the previous run stopped up to a little
 * before this run started ({@code startedAt}), so rows written by transactions still committing at the
 * start are left for the next run instead of being missed.
 */
public record JobWindow(Instant since, Instant until, Instant startedAt) {
}

package org.skillexchange.jobs;

import java.time.Instant;

/** The time a run covers: after the previous run's start ({@code since}) up to this run's start ({@code until}). */
public record JobWindow(Instant since, Instant until) {
}

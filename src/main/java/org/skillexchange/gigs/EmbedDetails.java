package org.skillexchange.gigs;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** What only embeds have: expertise wanted, when and how long, for which team. */
public record EmbedDetails(@Nullable LevelOfExpertise levelOfExpertise, @Nullable LocalDate startDate,
		boolean startDateFlexible, @Nullable Length duration, boolean durationFlexible, @Nullable String team,
		@Nullable String priorityLabel) {

	public enum LevelOfExpertise {
		ALL, BEGINNER, INTERMEDIATE, PROFICIENT, ADVANCED
	}

	public enum Unit {
		YEARS, MONTHS, WEEKS, DAYS
	}

	/** How long the embed lasts, e.g. 3 MONTHS. */
	public record Length(int amount, Unit unit) {
	}
}

package org.skillexchange.hacks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A hack project as stored. */
public record Hack(UUID id, String name, HackStatus status, @Nullable String pitch, @Nullable String description,
		List<String> members, @Nullable String pointOfContact, List<String> followers, @Nullable String suggestedBy,
		List<String> tags, List<String> skills, @Nullable String teamLocation, @Nullable String communicationChannel,
		List<RepositoryLink> repositoryUrls, @Nullable String recruitingHeadline, String createdBy, Instant createdAt,
		String updatedBy, Instant updatedAt) {

	/** Unclaimed, suggested by someone, and nobody on it yet. */
	public boolean isAdoptable() {
		return status == HackStatus.UNCLAIMED && suggestedBy != null && members.isEmpty();
	}

	/** Members edit a hack; while nobody has claimed a suggestion, its suggester may. */
	public boolean isEditableBy(String user) {
		return members.contains(user) || (members.isEmpty() && user.equals(suggestedBy));
	}
}

package org.skillexchange.gigs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An embed or a mentorship as stored. */
public record Gig(UUID id, GigType type, GigStatus status, String title, @Nullable String detail,
		@Nullable String description, List<String> skills, @Nullable String location, List<Resource> resources,
		String contact, List<String> owners, @Nullable EmbedDetails embed, @Nullable MentorshipDetails mentorship,
		String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {

	/** Owners and the contact manage the post and its connections. */
	public boolean isManagedBy(String userRef) {
		return contact.equals(userRef) || owners.contains(userRef);
	}
}

package org.skillexchange.gigs;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What a user writes when creating or editing a gig. Empty {@code owners} means the author alone. */
public record GigDraft(GigType type, String title, @Nullable String detail, @Nullable String description,
		List<String> skills, @Nullable String location, List<Resource> resources, String contact, List<String> owners,
		@Nullable EmbedDetails embed, @Nullable MentorshipDetails mentorship) {

	public GigDraft {
		skills = skills == null ? List.of() : List.copyOf(skills);
		resources = resources == null ? List.of() : List.copyOf(resources);
		owners = owners == null ? List.of() : List.copyOf(owners);
	}
}

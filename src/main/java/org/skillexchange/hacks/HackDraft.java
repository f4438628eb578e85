package org.skillexchange.hacks;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a user writes when creating or editing a hack. Creating with status {@code UNCLAIMED} and no
 * members suggests an idea for someone else to adopt; otherwise the author is a member and, unless
 * another is named, the point of contact.
 */
public record HackDraft(String name, @Nullable HackStatus status, @Nullable String pitch, @Nullable String description,
		List<String> members, @Nullable String pointOfContact, List<String> tags, List<String> skills,
		@Nullable String teamLocation, @Nullable String communicationChannel, List<RepositoryLink> repositoryUrls,
		@Nullable String recruitingHeadline) {

	public HackDraft {
		members = members == null ? List.of() : List.copyOf(members);
		tags = tags == null ? List.of() : List.copyOf(tags);
		skills = skills == null ? List.of() : List.copyOf(skills);
		repositoryUrls = repositoryUrls == null ? List.of() : List.copyOf(repositoryUrls);
	}
}

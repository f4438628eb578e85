package org.skillexchange.hacks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.skillexchange.auth.AccessDenied;
import org.skillexchange.auth.Caller;

/** Request bodies of the hacks API; enums arrive as strings so a wrong value names its field. */
final class HacksWeb {

	private HacksWeb() {
	}

	record HackBody(@NotBlank @Size(max = 200) String name, @Nullable String status, @Size(max = 500) @Nullable String pitch,
			@Size(max = 10000) @Nullable String description,
			@Size(max = 50) @Nullable List<@NotBlank @Size(max = 255) String> members,
			@Size(max = 255) @Nullable String pointOfContact, @Size(max = 30) @Nullable List<@NotBlank @Size(max = 100) String> tags,
			@Size(max = 30) @Nullable List<@NotBlank @Size(max = 100) String> skills, @Size(max = 200) @Nullable String teamLocation,
			@Size(max = 200) @Nullable String communicationChannel,
			@Size(max = 20) @Nullable List<@NotNull @Valid LinkBody> repositoryUrls, @Size(max = 200) @Nullable String recruitingHeadline) {

		HackDraft toDraft() {
			return new HackDraft(name, status == null ? null : parse(HackStatus.class, status, "status"), pitch, description,
					members, pointOfContact, tags, skills, teamLocation, communicationChannel,
					repositoryUrls == null ? List.of() : repositoryUrls.stream().map(l -> new RepositoryLink(l.name(), l.url())).toList(),
					recruitingHeadline);
		}
	}

	record LinkBody(@NotBlank @Size(max = 200) String name,
			@NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {
	}

	record MemberBody(@NotBlank @Size(max = 255) String member) {
	}

	record CommentBody(@NotBlank @Size(max = 4000) String message, @Nullable UUID replyingTo) {
	}

	record InquiryBody(@Size(max = 2000) @Nullable String message) {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidHackInput(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
		}
	}

	static void checkPage(int page, int size) {
		if (page < 0) {
			throw new InvalidHackInput("page", "must be 0 or more");
		}
		if (size < 1 || size > 100) {
			throw new InvalidHackInput("size", "must be between 1 and 100");
		}
	}

	static String user(Caller caller) {
		if (!caller.isUser()) {
			throw new AccessDenied(caller.subject(), "act on hacks: only users can (service tokens cannot)");
		}
		return caller.subject();
	}
}

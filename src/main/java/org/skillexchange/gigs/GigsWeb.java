package org.skillexchange.gigs;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.skillexchange.auth.AccessDenied;
import org.skillexchange.auth.Caller;

/**
 * Request bodies of the gigs API. Enums arrive as strings and are parsed here, so a wrong value is
 * answered with the field it was in and the values allowed.
 */
final class GigsWeb {

	private GigsWeb() {
	}

	record GigBody(@NotBlank String type, @NotBlank @Size(max = 200) String title, @Size(max = 500) @Nullable String detail,
			@Size(max = 10000) @Nullable String description, @Size(max = 30) @Nullable List<@NotBlank @Size(max = 100) String> skills,
			@Size(max = 200) @Nullable String location, @Size(max = 20) @Nullable List<@NotNull @Valid ResourceBody> resources,
			@NotBlank @Size(max = 255) String contact, @Size(max = 20) @Nullable List<@NotBlank @Size(max = 255) String> owners,
			@Valid @Nullable EmbedBody embed, @Valid @Nullable MentorshipBody mentorship) {

		GigDraft toDraft() {
			return new GigDraft(parse(GigType.class, type, "type"), title, detail, description, skills, location,
					resources == null ? List.of() : resources.stream().map(r -> new Resource(r.name(), r.url())).toList(),
					contact, owners, embed == null ? null : embed.toDetails(), mentorship == null ? null : mentorship.toDetails());
		}
	}

	record ResourceBody(@NotBlank @Size(max = 200) String name,
			@NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {
	}

	record EmbedBody(@Nullable String levelOfExpertise, @Nullable LocalDate startDate, boolean startDateFlexible,
			@Min(1) @Max(1000) @Nullable Integer duration, @Nullable String durationUnit, boolean durationFlexible,
			@Size(max = 200) @Nullable String team, @Size(max = 100) @Nullable String priorityLabel) {

		EmbedDetails toDetails() {
			if ((duration == null) != (durationUnit == null)) {
				throw new InvalidGigInput("embed.durationUnit", "give both duration and durationUnit, or neither");
			}
			return new EmbedDetails(
					levelOfExpertise == null ? null : parse(EmbedDetails.LevelOfExpertise.class, levelOfExpertise, "embed.levelOfExpertise"),
					startDate, startDateFlexible,
					duration == null ? null : new EmbedDetails.Length(duration, parse(EmbedDetails.Unit.class, durationUnit, "embed.durationUnit")),
					durationFlexible, team, priorityLabel);
		}
	}

	record MentorshipBody(@NotBlank String meetType, @NotBlank String requestType) {

		MentorshipDetails toDetails() {
			return new MentorshipDetails(parse(MentorshipDetails.MeetType.class, meetType, "mentorship.meetType"),
					parse(MentorshipDetails.RequestType.class, requestType, "mentorship.requestType"));
		}
	}

	record StatusBody(@NotBlank String status) {
	}

	record ConnectBody(@Size(max = 2000) @Nullable String message) {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidGigInput(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
		}
	}

	static void checkPage(int page, int size) {
		if (page < 0) {
			throw new InvalidGigInput("page", "must be 0 or more");
		}
		if (size < 1 || size > 100) {
			throw new InvalidGigInput("size", "must be between 1 and 100");
		}
	}

	/** Posts are made and managed by people; a service token has no one to act as. */
	static String user(Caller caller) {
		if (!caller.isUser()) {
			throw new AccessDenied(caller.subject(), "act on gigs: only users can (service tokens cannot)");
		}
		return caller.subject();
	}
}

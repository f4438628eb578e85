package org.skillexchange.notifications;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The request and response bodies of the notifications API (Backstage-compatible where Backstage has one). */
final class NotificationsWeb {

	private NotificationsWeb() {
	}

	/** {@code POST /notifications}, shaped like Backstage's {@code NotificationSendOptions}. */
	record SendBody(@NotNull @Valid Recipients recipients, @NotNull @Valid Payload payload) {
	}

	record Recipients(@NotNull @Pattern(regexp = "entity|broadcast", message = "must be 'entity' or 'broadcast'") String type,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Size(max = 1000) @Nullable List<@NotBlank String> entityRef,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Size(max = 1000) @Nullable List<@NotBlank String> excludeEntityRef) {
	}

	record Payload(@NotBlank @Size(max = 255) String title, @Size(max = 10000) @Nullable String description,
			@Size(max = 2048) @Pattern(regexp = "(https?://|/).*", message = "must be an http(s) URL or an app-relative path starting with /") @Nullable String link,
			@Pattern(regexp = "critical|high|normal|low", message = "must be one of critical, high, normal, low") @Nullable String severity,
			@Size(max = 255) @Nullable String topic, @Size(max = 255) @Nullable String scope) {
	}

	record Sent(List<UUID> ids) {
	}

	record Page(long totalCount, List<InboxStore.Entry> notifications) {
	}

	record UpdateBody(@NotEmpty @Size(max = 1000) List<@NotNull UUID> ids, @Nullable Boolean read, @Nullable Boolean saved) {
	}

	record Status(long unread, long read) {
	}

	record PreferencesBody(@NotNull @Size(max = 500) List<@NotNull @Valid PreferenceItem> preferences) {
	}

	record PreferenceItem(@NotBlank String channel, @NotBlank String type, boolean enabled) {
	}

	record PreferencesView(List<String> channels, List<String> types, List<PreferenceItem> preferences) {
	}
}

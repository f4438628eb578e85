package org.skillexchange.notifications;

import org.skillexchange.entities.EntityRefs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A command to record one notification for its recipients. Recipients are user or group refs;
 * groups are expanded through the members directory, and the actor is never notified of their own
 * action. {@code data} is the template model (postTitle, postUrl, sender, …).
 */
public record NotificationRequest(NotificationType type, @Nullable PostType postType, List<String> recipients,
		@Nullable String actor, @Nullable String title, @Nullable String description, @Nullable String link,
		Severity severity, String topic, @Nullable String scope, Map<String, Object> data, String origin) {

	public static final String DEFAULT_TOPIC = "Skill Exchange";

	public static final String OWN_ORIGIN = "skill-exchange";

	public NotificationRequest {
		Objects.requireNonNull(type, "type");
		recipients = List.copyOf(new LinkedHashSet<>(recipients.stream().map(ref -> EntityRefs.normalize(ref, "user")).toList()));
		actor = actor == null ? null : EntityRefs.normalizeUser(actor);
		severity = severity == null ? Severity.NORMAL : severity;
		topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic;
		data = Map.copyOf(data);
		origin = origin == null || origin.isBlank() ? OWN_ORIGIN : origin;
	}

	public static Builder of(NotificationType type) {
		return new Builder(type);
	}

	/** Builds a request step by step; the domain modules' usual way in. */
	public static final class Builder {

		private final NotificationType type;

		private @Nullable PostType postType;

		private final List<String> recipients = new ArrayList<>();

		private @Nullable String actor;

		private @Nullable String title;

		private @Nullable String description;

		private @Nullable String link;

		private Severity severity = Severity.NORMAL;

		private String topic = DEFAULT_TOPIC;

		private @Nullable String scope;

		private final Map<String, Object> data = new LinkedHashMap<>();

		private String origin = OWN_ORIGIN;

		private Builder(NotificationType type) {
			this.type = type;
		}

		public Builder postType(@Nullable PostType value) {
			this.postType = value;
			return this;
		}

		public Builder to(String... refs) {
			recipients.addAll(List.of(refs));
			return this;
		}

		public Builder to(List<String> refs) {
			recipients.addAll(refs);
			return this;
		}

		public Builder actor(@Nullable String value) {
			this.actor = value;
			return this;
		}

		public Builder title(@Nullable String value) {
			this.title = value;
			return this;
		}

		public Builder description(@Nullable String value) {
			this.description = value;
			return this;
		}

		public Builder link(@Nullable String value) {
			this.link = value;
			return this;
		}

		public Builder severity(Severity value) {
			this.severity = value;
			return this;
		}

		public Builder topic(String value) {
			this.topic = value;
			return this;
		}

		public Builder scope(@Nullable String value) {
			this.scope = value;
			return this;
		}

		public Builder data(String key, @Nullable Object value) {
			if (value != null) {
				data.put(key, value);
			}
			return this;
		}

		public Builder data(Map<String, ?> values) {
			values.forEach(this::data);
			return this;
		}

		public Builder origin(String value) {
			this.origin = value;
			return this;
		}

		public NotificationRequest build() {
			return new NotificationRequest(type, postType, recipients, actor, title, description, link, severity, topic,
					scope, data, origin);
		}
	}
}

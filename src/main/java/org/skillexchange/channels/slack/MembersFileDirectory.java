package org.skillexchange.channels.slack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A stand-in for the members module: Backstage User entities from a catalog YAML file (as in
 * {@code examples/org.yaml}), read once. Used only when no {@link SlackRecipientDirectory} bean exists.
 */
final class MembersFileDirectory implements SlackRecipientDirectory {

	static final String SLACK_USER_ID = "slack.com/user_id";

	private final Map<String, SlackRecipient> byRef;

	MembersFileDirectory(Path file) {
		this.byRef = read(file);
	}

	@Override
	public Optional<SlackRecipient> find(String userRef) {
		return Optional.ofNullable(byRef.get(userRef.toLowerCase(Locale.ROOT)));
	}

	private static Map<String, SlackRecipient> read(Path file) {
		var recipients = new HashMap<String, SlackRecipient>();
		try (Reader reader = Files.newBufferedReader(file)) {
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
				if (document instanceof Map<?, ?> entity && "User".equals(entity.get("kind"))
						&& entity.get("metadata") instanceof Map<?, ?> metadata && metadata.get("name") != null) {
					String namespace = metadata.get("namespace") == null ? "default" : String.valueOf(metadata.get("namespace"));
					String ref = ("user:" + namespace + "/" + metadata.get("name")).toLowerCase(Locale.ROOT);
					recipients.put(ref, new SlackRecipient(ref, email(entity), annotation(metadata)));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read members file " + file, e);
		}
		return Map.copyOf(recipients);
	}

	private static @Nullable String email(Map<?, ?> entity) {
		if (entity.get("spec") instanceof Map<?, ?> spec && spec.get("profile") instanceof Map<?, ?> profile
				&& profile.get("email") != null) {
			return String.valueOf(profile.get("email"));
		}
		return null;
	}

	private static @Nullable String annotation(Map<?, ?> metadata) {
		if (metadata.get("annotations") instanceof Map<?, ?> annotations && annotations.get(SLACK_USER_ID) != null) {
			return String.valueOf(annotations.get(SLACK_USER_ID));
		}
		return null;
	}
}

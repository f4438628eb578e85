package org.skillexchange.templates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;

/**
 * Where each template comes from. An organisation's templates win over the shipped ones; within each,
 * a post type's own template wins over the type's: config for the post type, the directory for the
 * post type, config for the type, the directory for the type, then the shipped ones in that order.
 */
final class TemplateSources {

	/** One template text and the name that errors and previews show for it. */
	record Source(String name, String text) {
	}

	static final String SHIPPED_LOCATION = "templates/";

	private final Map<String, Source> configured = new LinkedHashMap<>();

	private final Map<String, Source> directory = new LinkedHashMap<>();

	private final Map<String, Optional<Source>> shipped = new ConcurrentHashMap<>();

	private final List<String> problems = new ArrayList<>();

	TemplateSources(TemplateSettings settings) {
		settings.templates().forEach(this::addConfigured);
		if (settings.templatesDirectory() != null) {
			readDirectory(settings.templatesDirectory());
		}
	}

	/** Template keys and files that do not name a type, a post type and a part, each with its fix. */
	List<String> problems() {
		return problems;
	}

	Optional<Source> find(NotificationType type, @Nullable PostType postType, TemplatePart part) {
		String generic = type.id();
		List<Optional<Source>> candidates = new ArrayList<>();
		if (postType != null) {
			String specific = generic + "." + postType.id();
			candidates.add(Optional.ofNullable(configured.get(part.fileName(specific))));
			candidates.add(Optional.ofNullable(directory.get(part.fileName(specific))));
		}
		candidates.add(Optional.ofNullable(configured.get(part.fileName(generic))));
		candidates.add(Optional.ofNullable(directory.get(part.fileName(generic))));
		if (postType != null) {
			candidates.add(shipped(part.fileName(generic + "." + postType.id())));
		}
		candidates.add(shipped(part.fileName(generic)));
		return candidates.stream().flatMap(Optional::stream).findFirst();
	}

	private Optional<Source> shipped(String fileName) {
		return shipped.computeIfAbsent(fileName, name -> {
			try (InputStream in = TemplateSources.class.getClassLoader().getResourceAsStream(SHIPPED_LOCATION + name)) {
				return in == null ? Optional.empty()
						: Optional.of(new Source("shipped " + SHIPPED_LOCATION + name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
			catch (IOException e) {
				throw new IllegalStateException("cannot read the shipped template " + name, e);
			}
		});
	}

	private void addConfigured(String key, TemplateSettings.Override override) {
		String path = TemplateSettings.CONFIG_PATH + "[" + key + "]";
		if (!knownKey(key, path)) {
			return;
		}
		for (TemplatePart part : TemplatePart.values()) {
			String text = override.get(part);
			if (text == null) {
				continue;
			}
			if (key.startsWith(NotificationType.CUSTOM.id()) && !part.isSlack()) {
				problems.add(path + "." + part.channel() + ": custom notifications bring their own title and description;"
						+ " fix: remove it, or override only custom.slack.text and custom.slack.blocks");
				continue;
			}
			configured.put(part.fileName(key), new Source("config " + path + "." + part.channel() + "." + part.field(), text));
		}
	}

	private void readDirectory(Path dir) {
		if (!Files.isDirectory(dir)) {
			problems.add("skillExchange.notifications.templatesDirectory: directory not found: " + dir.toAbsolutePath()
					+ "; fix: create it or correct the path (relative to the working directory)");
			return;
		}
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.sorted().toList()) {
				addFile(file);
			}
		}
		catch (IOException e) {
			problems.add("skillExchange.notifications.templatesDirectory: cannot list " + dir + " (" + e.getMessage() + ")");
		}
	}

	private void addFile(Path file) throws IOException {
		String name = file.getFileName().toString();
		var part = Arrays.stream(TemplatePart.values()).filter(p -> name.endsWith(p.fileName(""))).findFirst();
		String key = part.map(p -> name.substring(0, name.length() - p.fileName("").length())).orElse("");
		if (part.isEmpty() || key.isEmpty()) {
			problems.add(file + ": not a template name; fix: name it <type>[.<postType>].<part>.mustache with part one of"
					+ " backstage.title, backstage.description, slack.text, slack.blocks.json");
			return;
		}
		if (knownKey(key, file.toString())) {
			directory.put(name, new Source(file.toString(), Files.readString(file)));
		}
	}

	private boolean knownKey(String key, String where) {
		for (NotificationType type : NotificationType.values()) {
			if (key.equals(type.id())) {
				return true;
			}
			for (PostType postType : PostType.values()) {
				if (key.equals(type.id() + "." + postType.id())) {
					return true;
				}
			}
		}
		problems.add(where + ": '" + key + "' is not a notification type (with an optional post type); fix: use one of "
				+ String.join(", ", Arrays.stream(NotificationType.values()).map(NotificationType::id).toList())
				+ ", optionally followed by ." + String.join("|", Arrays.stream(PostType.values()).map(PostType::id).toList()));
		return false;
	}
}

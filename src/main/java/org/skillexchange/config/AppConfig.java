package org.skillexchange.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** A loaded, merged and validated configuration. */
public final class AppConfig {

	private final List<Path> files;

	private final Map<String, Object> tree;

	private final List<String> warnings;

	AppConfig(List<Path> files, Map<String, Object> tree, List<String> warnings) {
		this.files = List.copyOf(files);
		this.tree = tree;
		this.warnings = List.copyOf(warnings);
	}

	public List<Path> files() {
		return files;
	}

	/** Unknown keys under {@code skillExchange}, which are ignored. */
	public List<String> warnings() {
		return warnings;
	}

	/** The value at a dotted key path such as {@code skillExchange.slack.token}. */
	public Optional<Object> get(String path) {
		Object node = tree;
		for (String part : path.split("\\.")) {
			if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
				return Optional.empty();
			}
			node = map.get(part);
		}
		return Optional.ofNullable(node);
	}

	/** The used sections flattened into Spring property names ({@code a.b[0].c}). */
	public Map<String, Object> toProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String key : List.of("app", "backend", "skillExchange")) {
			Object section = key.equals("skillExchange") ? tree.get(key) : get(key + ".baseUrl").map(url -> Map.of("baseUrl", url)).orElse(null);
			if (section != null) {
				flatten(key, section, properties);
			}
		}
		return properties;
	}

	/** The used sections as YAML with every secret redacted, for {@code config print}. */
	public String toRedactedYaml() {
		Map<String, Object> used = new LinkedHashMap<>();
		get("app.baseUrl").ifPresent(url -> used.put("app", Map.of("baseUrl", url)));
		get("backend.baseUrl").ifPresent(url -> used.put("backend", Map.of("baseUrl", url)));
		get("skillExchange").ifPresent(section -> used.put("skillExchange", redacted("skillExchange", section)));
		var options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		return new Yaml(options).dump(used);
	}

	List<String> secretValues() {
		List<String> secrets = new ArrayList<>();
		toProperties().forEach((key, value) -> {
			if (Secrets.isSecretKey(key) && value != null && !String.valueOf(value).isBlank()) {
				secrets.add(String.valueOf(value));
			}
			if (key.endsWith("database.connection")) {
				Secrets.urlPassword(String.valueOf(value)).ifPresent(secrets::add);
			}
		});
		return secrets;
	}

	private static Object redacted(String path, Object node) {
		if (node instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put(String.valueOf(k), redacted(path + "." + k, v)));
			return copy;
		}
		if (node instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach(item -> copy.add(redacted(path + "[]", item)));
			return copy;
		}
		if (node != null && path.endsWith("database.connection")) {
			return Secrets.redactUrl(String.valueOf(node));
		}
		return node != null && Secrets.isSecretKey(path) ? Secrets.redact(String.valueOf(node)) : node;
	}

	private static void flatten(String prefix, Object node, Map<String, Object> out) {
		if (node instanceof Map<?, ?> map) {
			// Keys with dots (template type ids) use Spring's bracket notation so they stay one key.
			map.forEach((k, v) -> flatten(prefix + (String.valueOf(k).contains(".") ? "[" + k + "]" : "." + k), v, out));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), out);
			}
		}
		else if (node != null) {
			out.put(prefix, String.valueOf(node));
		}
	}
}

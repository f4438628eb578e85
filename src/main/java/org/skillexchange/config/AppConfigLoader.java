package org.skillexchange.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads app-config files with Backstage's semantics: later files override earlier ones (maps merge
 * deeply, lists are replaced), {@code ${VAR}} and {@code ${VAR:-default}} substitution ({@code $${} escapes), and the
 * {@code $env} / {@code $file} value forms. Only the sections the service uses are resolved, so an
 * organisation's full Backstage config loads unchanged.
 */
public final class AppConfigLoader {

	private static final Pattern VARIABLE = Pattern.compile("\\$(\\$?)\\{([^}]*)}");

	private final UnaryOperator<String> environment;

	public AppConfigLoader(UnaryOperator<String> environment) {
		this.environment = environment;
	}

	public static AppConfigLoader fromSystemEnvironment() {
		return new AppConfigLoader(System::getenv);
	}

	/** Loads, merges and validates; throws {@link InvalidConfig} with every problem found. */
	public AppConfig load(List<Path> files) {
		Map<String, Object> merged = new LinkedHashMap<>();
		for (Path file : files) {
			merge(merged, readResolved(file));
		}
		var findings = ConfigSchema.check(merged);
		if (!findings.errors().isEmpty()) {
			throw new InvalidConfig(findings.errors());
		}
		AppConfig config = new AppConfig(files, merged, findings.warnings());
		config.secretValues().forEach(Secrets::remember);
		return config;
	}

	private Map<String, Object> readResolved(Path file) {
		Map<String, Object> tree = parse(file);
		var problems = new ArrayList<String>();
		for (String site : List.of("app", "backend")) {
			if (tree.get(site) instanceof Map<?, ?> section && section.containsKey("baseUrl")) {
				@SuppressWarnings("unchecked")
				Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) section);
				copy.put("baseUrl", resolve(site + ".baseUrl", section.get("baseUrl"), file, problems));
				tree.put(site, copy);
			}
		}
		if (tree.containsKey("skillExchange")) {
			tree.put("skillExchange", resolve("skillExchange", tree.get("skillExchange"), file, problems));
		}
		if (!problems.isEmpty()) {
			throw new InvalidConfig(problems);
		}
		return tree;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new InvalidConfig(file + ": config file not found; fix: check the path given to --config");
		}
		try {
			Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
			if (document == null) {
				return new LinkedHashMap<>();
			}
			if (!(document instanceof Map)) {
				throw new InvalidConfig(file + ":1: expected a YAML map of keys at the top level");
			}
			return new LinkedHashMap<>((Map<String, Object>) document);
		}
		catch (MarkedYAMLException e) {
			int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
			throw new InvalidConfig(file + ":" + line + ": YAML syntax error: " + e.getProblem()
					+ "; fix: check the indentation and quoting on that line");
		}
		catch (YAMLException e) {
			throw new InvalidConfig(file + ": YAML syntax error: " + e.getMessage());
		}
		catch (IOException e) {
			throw new InvalidConfig(file + ": cannot read the file (" + e.getMessage() + ")");
		}
	}

	private Object resolve(String path, Object node, Path file, List<String> problems) {
		if (node instanceof Map<?, ?> map) {
			if (map.size() == 1 && map.containsKey("$env")) {
				return variable(path, String.valueOf(map.get("$env")), problems);
			}
			if (map.size() == 1 && map.containsKey("$file")) {
				return fileContent(path, file.toAbsolutePath().getParent().resolve(String.valueOf(map.get("$file"))), problems);
			}
			Map<String, Object> resolved = new LinkedHashMap<>();
			map.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(path + "." + k, v, file, problems)));
			return resolved;
		}
		if (node instanceof List<?> list) {
			List<Object> resolved = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				resolved.add(resolve(path + "[" + i + "]", list.get(i), file, problems));
			}
			return resolved;
		}
		return node instanceof String text ? substitute(path, text, problems) : node;
	}

	private String substitute(String path, String text, List<String> problems) {
		Matcher matcher = VARIABLE.matcher(text);
		var out = new StringBuilder();
		while (matcher.find()) {
			String replacement = matcher.group(1).isEmpty() ? variable(path, matcher.group(2), problems)
					: "${" + matcher.group(2) + "}";
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? "" : replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private String variable(String path, String expression, List<String> problems) {
		int defaultAt = expression.indexOf(":-");
		String name = (defaultAt < 0 ? expression : expression.substring(0, defaultAt)).trim();
		String value = environment.apply(name);
		if (value == null && defaultAt >= 0) {
			return expression.substring(defaultAt + 2);
		}
		if (value == null) {
			problems.add(path + ": environment variable " + name + " is not set; fix: export " + name
					+ "=… before starting, or remove the key");
			return "";
		}
		return value;
	}

	private static String fileContent(String path, Path target, List<String> problems) {
		try {
			return Files.readString(target).strip();
		}
		catch (IOException | UncheckedIOException e) {
			problems.add(path + ": cannot read $file " + target + "; fix: check the path (relative to the config file)");
			return "";
		}
	}

	@SuppressWarnings("unchecked")
	static void merge(Map<String, Object> target, Map<String, Object> overlay) {
		overlay.forEach((key, value) -> {
			if (value instanceof Map<?, ?> map && target.get(key) instanceof Map<?, ?> existing) {
				Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
				merge(copy, (Map<String, Object>) map);
				target.put(key, copy);
			}
			else {
				target.put(key, value);
			}
		});
	}
}

package org.skillexchange.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.skillexchange.config.AppConfig;
import org.skillexchange.config.AppConfigLoader;
import picocli.CommandLine.Option;

/** {@code --config FILE}, repeatable; without it {@code app-config.yaml} (+ {@code app-config.local.yaml}), else the example. */
class ConfigOptions {

	static final Path EXAMPLE = Path.of("examples", "app-config.yaml");

	@Option(names = "--config", paramLabel = "FILE",
			description = "App-config file; repeat to layer files, later ones win. Default: app-config.yaml, then app-config.local.yaml.")
	List<Path> files = new ArrayList<>();

	List<Path> resolve() {
		if (!files.isEmpty()) {
			return files;
		}
		List<Path> defaults = new ArrayList<>();
		if (Files.exists(Path.of("app-config.yaml"))) {
			defaults.add(Path.of("app-config.yaml"));
		}
		else if (Files.exists(EXAMPLE)) {
			defaults.add(EXAMPLE);
		}
		if (Files.exists(Path.of("app-config.local.yaml"))) {
			defaults.add(Path.of("app-config.local.yaml"));
		}
		return defaults;
	}

	AppConfig load() {
		return AppConfigLoader.fromSystemEnvironment().load(resolve());
	}
}

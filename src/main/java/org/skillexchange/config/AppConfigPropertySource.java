package org.skillexchange.config;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts a loaded app-config into the Spring environment, below command-line arguments (so
 * {@code --server.port=…} still wins) and above everything packaged in the jar.
 */
public final class AppConfigPropertySource implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String NAME = "app-config";

	private final AppConfig config;

	public AppConfigPropertySource(AppConfig config) {
		this.config = config;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var sources = context.getEnvironment().getPropertySources();
		var source = new MapPropertySource(NAME, config.toProperties());
		if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addFirst(source);
		}
	}
}

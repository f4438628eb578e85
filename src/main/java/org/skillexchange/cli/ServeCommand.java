package org.skillexchange.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.config.AppConfig;
import org.skillexchange.config.AppConfigPropertySource;
import org.skillexchange.templates.Templates;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", description = "Run the service (the default). Spring options such as --server.port=8081 pass through.")
class ServeCommand implements Callable<Integer> {

	private static volatile boolean serving;

	@Mixin
	ConfigOptions options;

	@Unmatched
	List<String> springArguments = new ArrayList<>();

	@Spec
	CommandSpec spec;

	static boolean isServing() {
		return serving;
	}

	@Override
	public Integer call() {
		AppConfig config = options.load();
		// Templates from the config and the templates directory fail here, in one line each, before Spring starts.
		Templates.load(config.toProperties());
		var err = spec.commandLine().getErr();
		config.warnings().forEach(warning -> err.println("warning: " + warning));
		StartupSummary.of(config, springArguments).lines().forEach(line -> spec.commandLine().getOut().println(line));
		spec.commandLine().getOut().flush();
		var application = new SpringApplication(SkillExchangeApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.addInitializers(new AppConfigPropertySource(config));
		application.run(springArguments.toArray(String[]::new));
		serving = true;
		return 0;
	}

	static String describeFiles(AppConfig config) {
		return config.files().stream().map(Object::toString).collect(Collectors.joining(", "));
	}
}

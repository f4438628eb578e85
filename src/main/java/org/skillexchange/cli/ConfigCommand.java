package org.skillexchange.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.skillexchange.templates.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "config", description = "Show or check the merged configuration.",
		subcommands = { ConfigCommand.Print.class, ConfigCommand.Check.class })
class ConfigCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "print", description = "Print the merged configuration with secrets redacted.")
	static class Print implements Callable<Integer> {

		@Mixin
		ConfigOptions options;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			var config = options.load();
			var out = spec.commandLine().getOut();
			out.println("# merged from: " + config.files().stream().map(Path::toString).collect(Collectors.joining(", ")));
			config.warnings().forEach(warning -> out.println("# warning: " + warning));
			out.print(config.toRedactedYaml());
			out.flush();
			return 0;
		}
	}

	@Command(name = "check", description = "Validate the configuration and the notification templates; exit 2 on any problem.")
	static class Check implements Callable<Integer> {

		@Mixin
		ConfigOptions options;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			var config = options.load();
			config.warnings().forEach(warning -> spec.commandLine().getErr().println("warning: " + warning));
			Templates.load(config.toProperties());
			spec.commandLine().getOut().println("config OK: " + config.files().stream().map(Path::toString).collect(Collectors.joining(", ")));
			return 0;
		}
	}
}

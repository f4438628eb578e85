package org.skillexchange.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the jar; with no command it serves. */
@Command(name = "skill-exchange", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Skill Exchange notifications for Backstage and Slack.",
		subcommands = { ServeCommand.class, ConfigCommand.class, ManifestCommand.class, PreviewCommand.class, DoctorCommand.class, SendTestCommand.class,
				SlackSimulatorCommand.class,
				CommandLine.HelpCommand.class })
public class Main {

	public static void main(String[] args) {
		String[] effective = args.length == 0 ? new String[] { "serve" } : args;
		// UTF-8 whatever the locale: doctor's ✓ and ✗ would print as '?' under LANG=C on Java 17.
		int exitCode = commandLine(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
				new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)).execute(effective);
		if (exitCode != 0 || !ServeCommand.isServing()) {
			System.exit(exitCode);
		}
	}

	static CommandLine commandLine(PrintWriter out, PrintWriter err) {
		var commandLine = new CommandLine(new Main());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler(new ConfigErrorHandler());
		// Picocli prints usage only when it has no "did you mean" suggestion; we want both, always.
		commandLine.setParameterExceptionHandler((problem, arguments) -> {
			var failed = problem.getCommandLine();
			failed.getErr().println(problem.getMessage());
			CommandLine.UnmatchedArgumentException.printSuggestions(problem, failed.getErr());
			failed.usage(failed.getErr());
			return failed.getCommandSpec().exitCodeOnInvalidInput();
		});
		return commandLine;
	}
}

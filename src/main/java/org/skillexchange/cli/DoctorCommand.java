package org.skillexchange.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.skillexchange.channels.backstage.BackstageDiagnostics;
import org.skillexchange.channels.slack.SlackDiagnostics;
import org.skillexchange.channels.slack.SlackRecipientDirectory;
import org.skillexchange.config.AppConfig;
import org.skillexchange.config.DatabaseDiagnostics;
import org.skillexchange.config.InvalidConfig;
import org.skillexchange.diagnostics.Check;
import org.skillexchange.members.Member;
import org.skillexchange.members.MembersDiagnostics;
import org.skillexchange.templates.InvalidTemplates;
import org.skillexchange.templates.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the setup without starting the service: config, database, Backstage and the Slack app, one
 * line per check as it completes, each failure with its fix. Exit 1 when any check fails.
 */
@Command(name = "doctor", description = "Check config, database, Backstage and the Slack app; print each problem with its fix."
		+ " Exit code 1 when any check fails.")
class DoctorCommand implements Callable<Integer> {

	static final int PROBLEMS_FOUND = 1;

	static final String CONFIG = "Config valid";

	static final String TEMPLATES = "Templates valid";

	@Mixin
	ConfigOptions options;

	@Option(names = "--json", description = "Print the checks as one JSON document (for machines) instead of lines.")
	boolean json;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		List<Check> checks = new ArrayList<>();
		Consumer<Check> report = check -> {
			checks.add(check);
			if (!json) {
				out.println(line(check));
				out.flush();
			}
		};
		Consumer<String> progress = what -> {
			if (!json) {
				err.println("checking " + what + "…");
				err.flush();
			}
		};
		progress.accept("the configuration");
		AppConfig config = config(report);
		if (config != null) {
			Map<String, Object> properties = config.toProperties();
			progress.accept("the database");
			DatabaseDiagnostics.of(properties).run(report);
			progress.accept("Backstage");
			BackstageDiagnostics.of(properties).run(report);
			progress.accept("the members source");
			List<Member> members = MembersDiagnostics.of(properties).run(report);
			progress.accept("the Slack app");
			var slack = SlackDiagnostics.of(properties);
			if (slack.isPresent()) {
				try (var diagnostics = slack.get()) {
					diagnostics.run(report, members.stream()
						.map(member -> new SlackRecipientDirectory.SlackRecipient(member.ref(), member.email(), member.slackUserId()))
						.toList());
				}
			}
			else {
				report.accept(Check.skipped("Slack", "no skillExchange.slack section: the Slack channel is off"));
			}
		}
		long failed = checks.stream().filter(Check::failed).count();
		if (json) {
			out.println(toJson(checks, failed == 0));
		}
		else {
			out.println(failed == 0 ? "All checks passed." : failed + (failed == 1 ? " check failed." : " checks failed."));
		}
		out.flush();
		return failed == 0 ? 0 : PROBLEMS_FOUND;
	}

	/** The loaded config, or null after reporting why it cannot be used. */
	private AppConfig config(Consumer<Check> report) {
		AppConfig config;
		try {
			config = options.load();
		}
		catch (InvalidConfig e) {
			e.problems().forEach(problem -> report.accept(withFix(CONFIG, problem)));
			return null;
		}
		String files = config.files().stream().map(Path::toString).collect(Collectors.joining(", "));
		report.accept(Check.passed(CONFIG, files.isEmpty() ? "no config file found; using the defaults" : files
				+ (config.warnings().isEmpty() ? "" : " (" + String.join("; ", config.warnings()) + ")")));
		try {
			Templates.load(config.toProperties());
			report.accept(Check.passed(TEMPLATES, "shipped templates and the config's overrides render"));
		}
		catch (InvalidTemplates e) {
			e.problems().forEach(problem -> report.accept(withFix(TEMPLATES, problem)));
		}
		return config;
	}

	/** Config and template problems read "what; fix: how". */
	private static Check withFix(String name, String problem) {
		int at = problem.indexOf("; fix: ");
		return at < 0 ? Check.failed(name, problem, null) : Check.failed(name, problem.substring(0, at), problem.substring(at + 7));
	}

	static String line(Check check) {
		return switch (check.state()) {
			case PASSED -> "✓ " + check.name() + ": " + check.detail();
			case SKIPPED -> "- " + check.name() + ": skipped, " + check.detail();
			case FAILED -> "✗ " + check.name() + ": " + check.detail()
					+ (check.fix() == null ? "" : "\n    fix: " + check.fix().replace("\n", "\n      "));
		};
	}

	private static String toJson(List<Check> checks, boolean ok) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Check check : checks) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", check.name());
			row.put("status", check.state().name().toLowerCase(java.util.Locale.ROOT));
			row.put("detail", check.detail());
			if (check.fix() != null) {
				row.put("fix", check.fix());
			}
			rows.add(row);
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("ok", ok);
		document.put("checks", rows);
		return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document);
	}
}

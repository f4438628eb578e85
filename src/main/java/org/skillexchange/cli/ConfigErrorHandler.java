package org.skillexchange.cli;

import org.skillexchange.config.InvalidConfig;
import org.skillexchange.templates.InvalidTemplates;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** An invalid config or invalid notification templates end any command with one line per problem and exit code 2. */
class ConfigErrorHandler implements IExecutionExceptionHandler {

	static final int CONFIG_ERROR = 2;

	@Override
	public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) throws Exception {
		InvalidConfig invalid = findInvalidConfig(ex);
		if (invalid != null) {
			invalid.problems().forEach(problem -> commandLine.getErr().println("config error: " + problem));
			return CONFIG_ERROR;
		}
		InvalidTemplates templates = findInvalidTemplates(ex);
		if (templates != null) {
			templates.problems().forEach(problem -> commandLine.getErr().println("template error: " + problem));
			return CONFIG_ERROR;
		}
		throw ex;
	}

	private static InvalidTemplates findInvalidTemplates(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidTemplates invalid) {
				return invalid;
			}
		}
		return null;
	}

	private static InvalidConfig findInvalidConfig(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidConfig invalid) {
				return invalid;
			}
		}
		return null;
	}
}

package org.skillexchange.templates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.MustacheParseException;
import com.samskivert.mustache.Template;
import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;
import org.skillexchange.notifications.spi.PlainTextRenderer.PlainText;

/**
 * Checks every template the service would use, and every registered builder, before the service takes
 * work: each problem is one line naming the template, the line and the fix.
 */
final class TemplateValidator {

	private static final String DOCS = "docs/customizing-notifications.md";

	private static final Pattern PARSE_LINE = Pattern.compile("\\s*@ line (\\d+)$");

	private static final Pattern MISSING_CLOSE = Pattern.compile("Section missing close tag '(.*)'");

	private static final Pattern MISMATCHED_CLOSE = Pattern.compile("Section close tag with mismatched open tag '(.*)' != '(.*)'");

	/** Marks the end of each template line in the output, so positions in the rendered JSON map back to lines. */
	private static final char MARK = '\u0001';

	private static final char MARK_END = '\u0002';

	private final MustacheTemplates templates;

	TemplateValidator(MustacheTemplates templates) {
		this.templates = templates;
	}

	List<String> validate() {
		Set<String> problems = new LinkedHashSet<>();
		Set<String> checked = new LinkedHashSet<>();
		for (NotificationType type : NotificationType.values()) {
			for (PostType postType : postTypes()) {
				for (TemplatePart part : TemplatePart.values()) {
					if (type == NotificationType.CUSTOM && !part.isSlack()) {
						continue;
					}
					TemplateSources.Source source = templates.source(type, postType, part);
					if (checked.add(source.name() + "|" + type.id())) {
						problems.addAll(check(source, type, postType, part));
					}
				}
			}
		}
		templates.builders().values().forEach(builder -> problems.addAll(checkBuilder(builder)));
		return List.copyOf(problems);
	}

	private static List<@Nullable PostType> postTypes() {
		var all = new ArrayList<@Nullable PostType>();
		all.add(null);
		all.addAll(List.of(PostType.values()));
		return all;
	}

	private List<String> check(TemplateSources.Source source, NotificationType type, @Nullable PostType postType, TemplatePart part) {
		Template template;
		try {
			template = MustacheTemplates.COMPILER.compile(source.text());
		}
		catch (MustacheParseException e) {
			return List.of(parseProblem(source, e));
		}
		Set<String> allowed = TemplateVariables.names(type);
		List<String> unknown = unknownNames(template, allowed);
		if (!unknown.isEmpty()) {
			return unknown.stream()
				.map(name -> unknownVariable(source, lineOf(source.text(), name), name, type, allowed))
				.toList();
		}
		List<String> problems = new ArrayList<>();
		for (boolean complete : new boolean[] { true, false }) {
			Map<String, Object> sample = TemplateVariables.sample(type, postType, complete);
			Map<String, Object> model = part.isSlack()
					? SlackEscaping.templateModel(sample, part == TemplatePart.SLACK_BLOCKS)
					: Quote.offeredIn(sample, Quote.PLAIN_TEXT);
			Rendered rendered;
			try {
				rendered = render(source.text(), model);
			}
			catch (MustacheException.Context e) {
				problems.add(unknownVariable(source, e.lineNo, e.key, type, allowed));
				break;
			}
			catch (MustacheException e) {
				problems.add(problem(source, 1, "cannot render (" + e.getMessage() + ")",
						"use only variables and sections; partials ({{> name}}) are not supported"));
				break;
			}
			if (part == TemplatePart.SLACK_BLOCKS) {
				BlockKit.check(rendered.text())
					.forEach(p -> problems.add(problem(source, rendered.lineAt(p.offset()), p.message(), p.fix())));
			}
			if (part == TemplatePart.SLACK_TEXT && rendered.text().strip().length() > BlockKit.MAX_MESSAGE_TEXT) {
				problems.add(problem(source, rendered.lineAt(BlockKit.MAX_MESSAGE_TEXT), "message text of "
						+ rendered.text().strip().length() + " characters, Slack allows at most " + BlockKit.MAX_MESSAGE_TEXT,
						"shorten it: the text is the notification's fallback, the blocks carry the message"));
			}
		}
		return problems.stream().distinct().toList();
	}

	private List<String> checkBuilder(NotificationMessageBuilder builder) {
		String name = "builder " + builder.getClass().getName() + " (" + MustacheTemplates.key(builder.type(), builder.postType()) + ")";
		var problems = new ArrayList<String>();
		Map<String, Object> sample = TemplateVariables.sample(builder.type(), builder.postType(), true);
		try {
			if (builder.type() != NotificationType.CUSTOM) {
				PlainText text = templates.backstage(builder.type(), builder.postType(), sample);
				if (text.title().isBlank()) {
					problems.add(name + ": backstage() returns an empty title; fix: return a title (Backstage requires one)");
				}
			}
			SlackMessage message = builder.slack(Map.copyOf(sample), templatesDefault(builder, sample));
			BlockKit.check(message.blocksJson()).forEach(p -> problems.add(name + ": slack() blocks: " + p.message() + "; fix: " + p.fix()));
			if (message.text().length() > BlockKit.MAX_MESSAGE_TEXT) {
				problems.add(name + ": slack() text of " + message.text().length() + " characters, Slack allows at most "
						+ BlockKit.MAX_MESSAGE_TEXT + "; fix: shorten it");
			}
		}
		catch (RuntimeException e) {
			problems.add(name + ": fails with the sample data (" + e + "); fix: handle every variable documented in " + DOCS);
		}
		return problems;
	}

	private SlackMessage templatesDefault(NotificationMessageBuilder builder, Map<String, Object> sample) {
		Map<String, Object> model = TemplateVariables.complete(builder.type(), sample);
		var text = templates.source(builder.type(), builder.postType(), TemplatePart.SLACK_TEXT);
		var blocks = templates.source(builder.type(), builder.postType(), TemplatePart.SLACK_BLOCKS);
		return new SlackMessage(render(text.text(), SlackEscaping.templateModel(model, false)).text().strip(),
				BlockKit.normalized(render(blocks.text(), SlackEscaping.templateModel(model, true)).text()));
	}

	private static List<String> unknownNames(Template template, Set<String> allowed) {
		var unknown = new LinkedHashSet<String>();
		template.visit(new Mustache.Visitor() {
			@Override
			public void visitText(String text) {
			}

			@Override
			public void visitVariable(String name) {
				note(name);
			}

			@Override
			public boolean visitInclude(String name) {
				return false;
			}

			@Override
			public boolean visitSection(String name) {
				note(name);
				return true;
			}

			@Override
			public boolean visitInvertedSection(String name) {
				note(name);
				return true;
			}

			private void note(String name) {
				String first = name.indexOf('.') > 0 ? name.substring(0, name.indexOf('.')) : name;
				if (!TemplateVariables.BUILT_INS.contains(name) && !allowed.contains(first)) {
					unknown.add(name);
				}
			}
		});
		return List.copyOf(unknown);
	}

	private static String unknownVariable(TemplateSources.Source source, int line, String name, NotificationType type, Set<String> allowed) {
		return problem(source, line, "unknown variable '" + name + "' for " + type.id(),
				allowed.isEmpty() ? "this type has no variables; remove {{" + name + "}}"
						: "use one of " + String.join(", ", allowed) + " (see " + DOCS + ")");
	}

	private static String parseProblem(TemplateSources.Source source, MustacheParseException e) {
		String message = String.valueOf(e.getMessage());
		Matcher lineMatcher = PARSE_LINE.matcher(message);
		int line = lineMatcher.find() ? Integer.parseInt(lineMatcher.group(1)) : 1;
		String what = PARSE_LINE.matcher(message).replaceAll("");
		Matcher missing = MISSING_CLOSE.matcher(what);
		if (missing.matches()) {
			return problem(source, line, "section '" + missing.group(1) + "' is not closed",
					"add {{/" + missing.group(1) + "}} where the section should end");
		}
		Matcher mismatched = MISMATCHED_CLOSE.matcher(what);
		if (mismatched.matches()) {
			return problem(source, line, "{{/" + mismatched.group(1) + "}} closes a section while '" + mismatched.group(2) + "' is still open",
					"close '" + mismatched.group(2) + "' first with {{/" + mismatched.group(2) + "}}: sections must nest");
		}
		return problem(source, line, "cannot parse the template (" + what + ")", "check the {{ }} tags on that line");
	}

	private static String problem(TemplateSources.Source source, int line, String message, String fix) {
		return source.name() + ", line " + line + ": " + message + "; fix: " + fix;
	}

	private static int lineOf(String text, String name) {
		Matcher matcher = Pattern.compile("\\{\\{\\s*[#^/&{]?\\s*" + Pattern.quote(name) + "\\s*}?}}").matcher(text);
		return matcher.find() ? lineNumber(text, matcher.start()) : 1;
	}

	private static int lineNumber(String text, int offset) {
		return (int) text.substring(0, Math.min(offset, text.length())).chars().filter(c -> c == '\n').count() + 1;
	}

	/** Renders with a mark at the end of every template line, then strips the marks and keeps the line of each character. */
	private static Rendered render(String text, Map<String, Object> model) {
		String[] lines = text.split("\n", -1);
		var marked = new StringBuilder();
		for (int i = 0; i < lines.length; i++) {
			marked.append(lines[i]).append(MARK).append(i + 1).append(MARK_END);
			if (i < lines.length - 1) {
				marked.append('\n');
			}
		}
		String output;
		try {
			output = MustacheTemplates.COMPILER.compile(marked.toString()).execute(model);
		}
		catch (MustacheParseException e) {
			// A tag that spans lines: render as written, without line positions.
			return new Rendered(MustacheTemplates.COMPILER.compile(text).execute(model), new int[0]);
		}
		var clean = new StringBuilder();
		var lineOfChar = new ArrayList<Integer>();
		int pending = 0;
		for (int i = 0; i < output.length(); i++) {
			char c = output.charAt(i);
			if (c == MARK) {
				int end = output.indexOf(MARK_END, i);
				int line = Integer.parseInt(output.substring(i + 1, end));
				for (int k = pending; k < clean.length(); k++) {
					lineOfChar.add(line);
				}
				pending = clean.length();
				i = end;
			}
			else {
				clean.append(c);
			}
		}
		return new Rendered(clean.toString(), lineOfChar.stream().mapToInt(Integer::intValue).toArray());
	}

	/** Rendered output and, for each of its characters, the template line it came from. */
	private record Rendered(String text, int[] lines) {

		int lineAt(long offset) {
			if (lines.length == 0) {
				return 1;
			}
			return lines[(int) Math.max(0, Math.min(offset, lines.length - 1))];
		}
	}
}

package org.skillexchange.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;
import org.skillexchange.templates.TemplateChannel;
import org.skillexchange.templates.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Renders a notification type with sample data, with the config's template overrides; needs no database. */
@Command(name = "preview", description = "Render a notification type with sample data (shipped templates plus the config's overrides).")
class PreviewCommand implements Callable<Integer> {

	static final int INVALID = 2;

	@Parameters(paramLabel = "TYPE", description = "A notification type, e.g. gig.inquiry, hack.digest, search.match.")
	String type;

	@Option(names = "--channel", paramLabel = "slack|backstage", defaultValue = "backstage",
			description = "backstage (title and description, the default) or slack (the Block Kit JSON).")
	String channel;

	@Option(names = "--post-type", paramLabel = "embed|mentorship|hack", description = "Render the post type's own template, if it has one.")
	@Nullable String postType;

	@Mixin
	ConfigOptions options;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		var err = spec.commandLine().getErr();
		var notificationType = NotificationType.byId(type);
		if (notificationType.isEmpty()) {
			err.println("unknown notification type '" + type + "'; use one of "
					+ String.join(", ", Arrays.stream(NotificationType.values()).map(NotificationType::id).toList()));
			return INVALID;
		}
		var templateChannel = TemplateChannel.byId(channel);
		if (templateChannel.isEmpty()) {
			err.println("unknown channel '" + channel + "'; use slack or backstage");
			return INVALID;
		}
		var post = postType == null ? null
				: Arrays.stream(PostType.values()).filter(p -> p.id().equals(postType.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
		if (postType != null && post == null) {
			err.println("unknown post type '" + postType + "'; use embed, mentorship or hack");
			return INVALID;
		}
		Templates templates = Templates.load(options.load().toProperties());
		spec.commandLine().getOut().print(templates.preview(notificationType.get(), templateChannel.get(), post).toDisplayText());
		spec.commandLine().getOut().flush();
		return 0;
	}
}

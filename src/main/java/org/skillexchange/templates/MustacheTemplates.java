package org.skillexchange.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;
import org.skillexchange.notifications.spi.NotificationContent;
import org.skillexchange.notifications.spi.PlainTextRenderer;

/**
 * Renders notifications with Mustache templates, or with a {@link NotificationMessageBuilder} where
 * one is registered for the type. Strict: a name that is not in the model is an error, which
 * validation at start turns into a message naming the template and line; documented names that a
 * notification lacks render empty.
 */
final class MustacheTemplates implements Templates, PlainTextRenderer {

	/** Values are escaped before rendering (per channel), so the engine escapes nothing itself. */
	static final Mustache.Compiler COMPILER = Mustache.compiler().strictSections(true).nullValue("").escapeHTML(false);

	private final TemplateSources sources;

	private final Map<String, NotificationMessageBuilder> builders;

	private final Map<String, Template> compiled = new ConcurrentHashMap<>();

	private MustacheTemplates(TemplateSources sources, Map<String, NotificationMessageBuilder> builders) {
		this.sources = sources;
		this.builders = builders;
	}

	/** Validates every template and builder; throws {@link InvalidTemplates} listing each problem. */
	static MustacheTemplates create(TemplateSettings settings, List<NotificationMessageBuilder> builderBeans) {
		var sources = new TemplateSources(settings);
		var problems = new ArrayList<>(sources.problems());
		Map<String, NotificationMessageBuilder> builders = new LinkedHashMap<>();
		for (NotificationMessageBuilder builder : builderBeans) {
			String key = key(builder.type(), builder.postType());
			NotificationMessageBuilder previous = builders.putIfAbsent(key, builder);
			if (previous != null) {
				problems.add("builder " + builder.getClass().getName() + ": a second NotificationMessageBuilder for " + key + " (after "
						+ previous.getClass().getName() + "); fix: keep one builder per type and post type");
			}
		}
		var templates = new MustacheTemplates(sources, builders);
		if (problems.isEmpty()) {
			problems.addAll(new TemplateValidator(templates).validate());
		}
		if (!problems.isEmpty()) {
			throw new InvalidTemplates(problems);
		}
		return templates;
	}

	@Override
	public SlackMessage renderSlack(NotificationContent notification) {
		Map<String, Object> data = new LinkedHashMap<>(notification.data());
		if (notification.type() == NotificationType.CUSTOM) {
			data.put("title", notification.title());
			data.put("description", notification.description());
			data.put("link", notification.link());
		}
		return slack(notification.type(), notification.postType(), data);
	}

	@Override
	public Optional<PlainText> render(NotificationType type, @Nullable PostType postType, Map<String, Object> data) {
		return type == NotificationType.CUSTOM ? Optional.empty() : Optional.of(backstage(type, postType, data));
	}

	@Override
	public TemplatePreview preview(NotificationType type, TemplateChannel channel, @Nullable PostType postType) {
		Map<String, Object> sample = TemplateVariables.sample(type, postType, true);
		if (channel == TemplateChannel.SLACK) {
			SlackMessage message = slack(type, postType, sample);
			return new TemplatePreview(type, postType, channel, null, null, message.text(), message.blocksJson(),
					TemplateVariables.meanings(type));
		}
		PlainText text = type == NotificationType.CUSTOM
				? new PlainText(String.valueOf(sample.get("title")), String.valueOf(sample.get("description")))
				: backstage(type, postType, sample);
		return new TemplatePreview(type, postType, channel, text.title(), text.description(), null, null,
				TemplateVariables.meanings(type));
	}

	PlainText backstage(NotificationType type, @Nullable PostType postType, Map<String, Object> data) {
		Map<String, Object> model = Quote.offeredIn(TemplateVariables.complete(type, data), Quote.PLAIN_TEXT);
		var rendered = new PlainText(execute(type, postType, TemplatePart.BACKSTAGE_TITLE, model).strip(),
				execute(type, postType, TemplatePart.BACKSTAGE_DESCRIPTION, model).strip());
		return builder(type, postType).map(builder -> builder.backstage(Map.copyOf(nonNull(data)), rendered)).orElse(rendered);
	}

	SlackMessage slack(NotificationType type, @Nullable PostType postType, Map<String, Object> data) {
		Map<String, Object> model = TemplateVariables.complete(type, data);
		var rendered = new SlackMessage(
				BlockKit.cut(execute(type, postType, TemplatePart.SLACK_TEXT, SlackEscaping.templateModel(model, false)).strip(), BlockKit.MAX_MESSAGE_TEXT),
				BlockKit.normalized(execute(type, postType, TemplatePart.SLACK_BLOCKS, SlackEscaping.templateModel(model, true))));
		return builder(type, postType).map(builder -> {
			SlackMessage built = builder.slack(Map.copyOf(nonNull(data)), rendered);
			return new SlackMessage(BlockKit.cut(built.text(), BlockKit.MAX_MESSAGE_TEXT), BlockKit.normalized(built.blocksJson()));
		}).orElse(rendered);
	}

	TemplateSources.Source source(NotificationType type, @Nullable PostType postType, TemplatePart part) {
		return sources.find(type, postType, part).orElseThrow(() -> new IllegalStateException(
				"no template for " + key(type, postType) + " " + part.channel() + "." + part.field()));
	}

	Optional<NotificationMessageBuilder> builder(NotificationType type, @Nullable PostType postType) {
		return Optional.ofNullable(postType == null ? null : builders.get(key(type, postType)))
			.or(() -> Optional.ofNullable(builders.get(key(type, null))));
	}

	Map<String, NotificationMessageBuilder> builders() {
		return builders;
	}

	private String execute(NotificationType type, @Nullable PostType postType, TemplatePart part, Map<String, Object> model) {
		TemplateSources.Source source = source(type, postType, part);
		return compiled.computeIfAbsent(source.name(), name -> COMPILER.compile(source.text())).execute(model);
	}

	static String key(NotificationType type, @Nullable PostType postType) {
		return postType == null ? type.id() : type.id() + "." + postType.id();
	}

	private static Map<String, Object> nonNull(Map<String, Object> data) {
		Map<String, Object> copy = new LinkedHashMap<>();
		data.forEach((key, value) -> {
			if (value != null) {
				copy.put(key, value);
			}
		});
		return copy;
	}
}

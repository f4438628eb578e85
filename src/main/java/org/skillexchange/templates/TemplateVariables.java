package org.skillexchange.templates;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;

/**
 * The documented variables of each notification type, named as in the product's message builders, with
 * the sample values used for validation and preview. A template may use only these names.
 */
final class TemplateVariables {

	/** One name a template may use; optional ones may be absent and then render empty. */
	record Variable(String name, String meaning, Object sample, boolean optional) {
	}

	/** The fields of each entry of the digest's {@code posts} list. */
	static final Set<String> DIGEST_POST_FIELDS = Set.of("postUrl", "postTitle", "newComments", "newUpdates");

	/** Names JMustache itself provides inside sections over lists. */
	static final Set<String> BUILT_INS = Set.of(".", "this", "-first", "-last", "-index", Quote.NAME);

	private static final Map<NotificationType, List<Variable>> BY_TYPE = new EnumMap<>(NotificationType.class);

	private static final String URL = "https://backstage.example.com/skill-exchange/embeds/post/42";

	static {
		define(NotificationType.GIG_INQUIRY, postUrl(), postTitle(), sender(), customMessage(), connectionId(), requester());
		define(NotificationType.GIG_INQUIRY_CONFIRMATION, postUrl(), postTitle(), postContact());
		define(NotificationType.GIG_PARTICIPANT_ADDED, postUrl(), postTitle(), postContact());
		define(NotificationType.GIG_PARTICIPANT_ADDED_CONFIRMATION, postUrl(), postTitle(),
				required("participant", "display name of the person who was added", "Ada Lovelace"));
		define(NotificationType.GIG_PARTICIPANT_DECLINED, postUrl(), postTitle(), postContact());
		define(NotificationType.GIG_INQUIRY_REMINDER, postUrl(), postTitle(), sender(),
				required("duration", "how long the request has been waiting, e.g. \"8 days\"", "8 days"), connectionId(),
				requester());
		define(NotificationType.HACK_INQUIRY, postUrl(), postTitle(), sender(), customMessage(),
				required("hackId", "id of the hack, carried by the \"Add to team\" button", "7"), requester());
		define(NotificationType.HACK_INQUIRY_CONFIRMATION, postUrl(), postTitle(), postContact());
		define(NotificationType.HACK_MEMBER_ADDED, postUrl(), postTitle());
		define(NotificationType.SEARCH_MATCH, postUrl(), postTitle());
		define(NotificationType.HACK_DIGEST,
				required("posts", "list of the followed hacks that changed; each has postUrl, postTitle, newComments, newUpdates",
						List.of(digestPost("Rust in the build pipeline", 3, 1), digestPost("Dark mode for the docs", 0, 2))),
				required("followingUrl", "the hacks page, tab of the hacks you follow",
						"https://backstage.example.com/skill-exchange/hacks?tab=following"));
		define(NotificationType.CUSTOM, required("title", "the sender's title", "Deploy freeze on Friday"),
				optional("description", "the sender's text", "Please merge before Thursday 18:00."),
				optional("link", "the sender's link", "https://backstage.example.com/docs/freeze"));
		define(NotificationType.TEST);
	}

	private TemplateVariables() {
	}

	static List<Variable> of(NotificationType type) {
		return BY_TYPE.get(type);
	}

	static Set<String> names(NotificationType type) {
		var names = new LinkedHashSet<String>();
		of(type).forEach(variable -> names.add(variable.name()));
		if (type == NotificationType.HACK_DIGEST) {
			names.addAll(DIGEST_POST_FIELDS);
		}
		return names;
	}

	/**
	 * The model for validation and preview. {@code complete} fills optional values too, so that every
	 * section is entered; otherwise optional values are null and lists empty, so inverted sections are.
	 */
	static Map<String, Object> sample(NotificationType type, @Nullable PostType postType, boolean complete) {
		Map<String, Object> model = new LinkedHashMap<>();
		for (Variable variable : of(type)) {
			boolean keep = complete || !variable.optional();
			Object value = variable.sample() instanceof List<?> && !complete ? List.of() : variable.sample();
			model.put(variable.name(), keep ? postTypeSample(variable.name(), value, postType) : null);
		}
		return model;
	}

	/** The data of a notification with every documented name present, so strict rendering never fails on absent values. */
	static Map<String, Object> complete(NotificationType type, Map<String, Object> data) {
		Map<String, Object> model = new LinkedHashMap<>(data);
		of(type).forEach(variable -> model.putIfAbsent(variable.name(), null));
		if (model.get("posts") instanceof List<?> posts && type == NotificationType.HACK_DIGEST) {
			model.put("posts", posts.stream().map(TemplateVariables::completePost).toList());
		}
		return model;
	}

	/** The documented names and what they hold, for people writing templates. */
	static Map<String, String> meanings(NotificationType type) {
		Map<String, String> meanings = new LinkedHashMap<>();
		of(type).forEach(variable -> meanings.put(variable.name(), variable.meaning() + (variable.optional() ? " (optional)" : "")));
		return meanings;
	}

	private static Object completePost(Object post) {
		if (!(post instanceof Map<?, ?> fields)) {
			return post;
		}
		Map<Object, Object> complete = new LinkedHashMap<>(fields);
		DIGEST_POST_FIELDS.forEach(name -> complete.putIfAbsent(name, null));
		return complete;
	}

	private static Object postTypeSample(String name, Object value, @Nullable PostType postType) {
		if (name.equals("postUrl") && postType != null) {
			String path = switch (postType) {
				case EMBED -> "embeds";
				case MENTORSHIP -> "mentors";
				case HACK -> "hacks";
			};
			return URL.replace("/embeds/", "/" + path + "/");
		}
		return value;
	}

	private static void define(NotificationType type, Variable... variables) {
		BY_TYPE.put(type, List.of(variables));
	}

	private static Map<String, Object> digestPost(String title, int comments, int updates) {
		return Map.of("postUrl", "https://backstage.example.com/skill-exchange/hacks/post/" + Math.abs(title.hashCode() % 100),
				"postTitle", title, "newComments", comments, "newUpdates", updates);
	}

	private static Variable required(String name, String meaning, Object sample) {
		return new Variable(name, meaning, sample, false);
	}

	private static Variable optional(String name, String meaning, Object sample) {
		return new Variable(name, meaning, sample, true);
	}

	private static Variable postUrl() {
		return required("postUrl", "link to the post: app.baseUrl/skill-exchange/<embedsPath|mentorsPath|hacksPath>/post/<id>", URL);
	}

	private static Variable postTitle() {
		return required("postTitle", "title of the post (hack name for hacks)", "Platform embed: observability");
	}

	private static Variable sender() {
		return required("sender", "display name of the person who asked", "Grace Hopper");
	}

	private static Variable customMessage() {
		return optional("customMessage", "the message the requester wrote, if any", "I'd love to help with tracing!");
	}

	private static Variable postContact() {
		return required("postContact", "display name of the post's contact (hack: point of contact)", "Linus Torvalds");
	}

	private static Variable connectionId() {
		return required("connectionId", "id of the connection (inquiry); the Slack buttons carry it", "3f2b8c1e-5a7d-4e0f-9b6a-1c2d3e4f5a6b");
	}

	private static Variable requester() {
		return required("requester", "entity ref of the person who asked, e.g. user:default/ghopper", "user:default/ghopper");
	}
}

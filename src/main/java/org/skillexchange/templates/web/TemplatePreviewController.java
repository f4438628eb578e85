package org.skillexchange.templates.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.skillexchange.auth.Caller;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;
import org.skillexchange.templates.TemplateChannel;
import org.skillexchange.templates.TemplatePreview;
import org.skillexchange.templates.Templates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/skill-exchange/templates/{type}/preview}: a type rendered with sample data, as a channel shows
 * it. Any authenticated user or service may look.
 */
@RestController
@RequestMapping("/api/skill-exchange/templates")
class TemplatePreviewController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Templates templates;

	TemplatePreviewController(Templates templates) {
		this.templates = templates;
	}

	@GetMapping("/{type}/preview")
	ResponseEntity<Object> preview(Caller caller, @PathVariable String type, @RequestParam(defaultValue = "backstage") String channel,
			@RequestParam(required = false) @Nullable String postType) {
		Optional<NotificationType> notificationType = NotificationType.byId(type);
		if (notificationType.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "Unknown notification type", "type", type, "no notification type '" + type
					+ "'; known types: " + String.join(", ", Arrays.stream(NotificationType.values()).map(NotificationType::id).toList()));
		}
		Optional<TemplateChannel> templateChannel = TemplateChannel.byId(channel);
		if (templateChannel.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "Unknown channel", "channel", channel, "channel must be backstage or slack");
		}
		Optional<PostType> post = postType == null || postType.isBlank() ? Optional.empty()
				: Arrays.stream(PostType.values()).filter(p -> p.id().equals(postType.toLowerCase(Locale.ROOT))).findFirst();
		if (postType != null && !postType.isBlank() && post.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "Unknown post type", "postType", postType, "postType must be embed, mentorship or hack");
		}
		return ResponseEntity.ok(body(templates.preview(notificationType.get(), templateChannel.get(), post.orElse(null))));
	}

	private static Map<String, Object> body(TemplatePreview preview) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", preview.type().id());
		body.put("postType", preview.postType() == null ? null : preview.postType().id());
		body.put("channel", preview.channel().id());
		if (preview.channel() == TemplateChannel.SLACK) {
			body.put("text", preview.text());
			body.put("blocks", JSON.readTree(String.valueOf(preview.blocksJson())));
		}
		else {
			body.put("title", preview.title());
			body.put("description", preview.description());
		}
		body.put("variables", preview.variables());
		return body;
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String title, String field, String value, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setProperty("field", field);
		problem.setProperty("value", value);
		return ResponseEntity.status(status).body(problem);
	}
}

package org.skillexchange.notifications.spi;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.PostType;

/**
 * Renders the plain-text title and description of a notification from its template data, at the
 * moment it is recorded; the inbox and the Backstage channel show this form. Implemented by the
 * templates module.
 */
public interface PlainTextRenderer {

	/** Empty when the type has no template (a custom message brings its own text). */
	Optional<PlainText> render(NotificationType type, @Nullable PostType postType, Map<String, Object> data);

	record PlainText(String title, String description) {
	}
}

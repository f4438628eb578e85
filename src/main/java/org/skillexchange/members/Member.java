package org.skillexchange.members;

import org.jspecify.annotations.Nullable;

/**
 * A person in the directory. {@code ref} is the lower-case user entity ref ({@code user:default/jdoe});
 * {@code displayName} is {@code spec.profile.displayName}, else {@code metadata.name}.
 */
public record Member(String ref, String displayName, @Nullable String email, @Nullable String slackUserId) {
}

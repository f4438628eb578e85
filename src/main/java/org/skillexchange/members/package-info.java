/**
 * The people directory: entity ref, display name, email and Slack id, from the Backstage catalog or a
 * catalog YAML file.
 */
@org.jspecify.annotations.NullMarked
package org.skillexchange.members;

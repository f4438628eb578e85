/**
 * Rendering each notification type for each channel: shipped defaults, overrides from config, a
 * templates directory or code, validation at start, and preview.
 */
@org.jspecify.annotations.NullMarked
package org.skillexchange.templates;

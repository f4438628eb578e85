/** The HTTP face of the templates: previews rendered with sample data. */
@org.jspecify.annotations.NullMarked
package org.skillexchange.templates.web;

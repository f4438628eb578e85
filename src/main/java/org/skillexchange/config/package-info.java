/**
 * Loading Backstage-style app-config files (merge, substitution, validation), the typed settings that
 * are shared by several modules, the database connection, and redaction of secrets.
 */
@org.jspecify.annotations.NullMarked
package org.skillexchange.config;

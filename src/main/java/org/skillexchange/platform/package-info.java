/**
 * Operational plumbing every request shares: a request id in each log line, masking of secrets in
 * logs, problem details for malformed requests, and the "ready" line at start.
 */
@org.jspecify.annotations.NullMarked
package org.skillexchange.platform;

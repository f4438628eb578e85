/** Saved searches per user, and the job that tells them when a new post matches. */
@org.jspecify.annotations.NullMarked
package org.skillexchange.searches;

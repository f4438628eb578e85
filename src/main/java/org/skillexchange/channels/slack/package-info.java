/**
 * The Slack channel: direct messages from the Slack app through the official SDK, with the user and
 * DM lookups cached in the database, Slack's rate limits kept on our side, and Slack's errors sorted
 * into delivery outcomes with the fix.
 */
@org.springframework.modulith.NamedInterface("slack")
@org.jspecify.annotations.NullMarked
package org.skillexchange.channels.slack;

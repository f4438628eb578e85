/**
 * A local Slack: the Web API methods and the Socket Mode link the service uses, with Slack's errors,
 * headers, rate limits and faults, for tests, local trial and benchmarks. Nothing in the service
 * depends on it; only the {@code slack-simulator} command starts it.
 */
@org.jspecify.annotations.NullMarked
package org.skillexchange.slacksim;

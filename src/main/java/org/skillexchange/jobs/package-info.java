/**
 * Scheduled jobs that run once per schedule across all instances, each with a watermark that its first
 * run only sets. Modules contribute {@link org.skillexchange.jobs.ScheduledJob} beans.
 */
@org.jspecify.annotations.NullMarked
package org.skillexchange.jobs;

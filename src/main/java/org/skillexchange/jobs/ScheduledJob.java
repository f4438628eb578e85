package org.skillexchange.jobs;

/**
 * A job a module contributes as a bean. {@link #run} is called inside the runner's transaction, which
 * also advances the watermark: notifications the job records commit together with the new watermark,
 * or not at all.
 */
public interface ScheduledJob {

	/** Stable id, e.g. {@code gig.inquiry.reminder}; keys the watermark row. */
	String name();

	JobSchedule schedule();

	/** Does the work for the window {@code (since, until]}. */
	void run(JobWindow window);
}

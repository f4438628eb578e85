package org.skillexchange.gigs;

/** A gig is open for inquiries, filled, or archived. */
public enum GigStatus {
	OPEN, FILLED, ARCHIVED
}

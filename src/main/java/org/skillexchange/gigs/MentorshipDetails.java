package org.skillexchange.gigs;

/** What only mentorships have: how people meet and whether mentorship is offered or sought. */
public record MentorshipDetails(MeetType meetType, RequestType requestType) {

	public enum MeetType {
		VIRTUAL, IN_PERSON, BOTH
	}

	public enum RequestType {
		OFFERING_MENTORSHIP, SEEKING_MENTORSHIP, SEEKING_PAIR
	}
}

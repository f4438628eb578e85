package org.skillexchange.auth;

/** The caller is known but may not do this; any module throws it, the web edge answers 403. */
public class AccessDenied extends RuntimeException {

	private final String subject;

	public AccessDenied(String subject, String what) {
		super(subject + " may not " + what);
		this.subject = subject;
	}

	public String subject() {
		return subject;
	}
}

package org.skillexchange.auth;

/** The request carries no usable credentials; answered with 401. */
public class AuthenticationFailed extends RuntimeException {

	public AuthenticationFailed(String reason) {
		super(reason);
	}
}

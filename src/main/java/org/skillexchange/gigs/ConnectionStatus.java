package org.skillexchange.gigs;

/** {@code CONNECTED} on "I'm interested"; the post side then accepts, declines or removes. */
public enum ConnectionStatus {
	CONNECTED, ACCEPTED, DECLINED, REMOVED
}

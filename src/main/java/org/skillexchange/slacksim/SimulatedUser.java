package org.skillexchange.slacksim;

/** A member of the simulated workspace; a {@code deleted} user is deactivated, as in Slack. */
public record SimulatedUser(String id, String email, String name, boolean deleted) {

	public static SimulatedUser active(String id, String email, String name) {
		return new SimulatedUser(id, email, name, false);
	}
}

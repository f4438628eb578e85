package org.skillexchange.slacksim;

import java.util.List;

/** A token the simulated workspace knows, with its type and granted scopes. */
public record SimulatedToken(String value, Kind kind, List<String> scopes) {

	/** Bot User OAuth Token ({@code xoxb-}) or App-Level Token ({@code xapp-}). */
	public enum Kind {
		BOT, APP
	}

	public SimulatedToken {
		scopes = List.copyOf(scopes);
	}
}

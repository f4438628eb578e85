package org.skillexchange.gigs;

/** A named link on a post. */
public record Resource(String name, String url) {
}

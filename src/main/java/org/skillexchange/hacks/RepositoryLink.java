package org.skillexchange.hacks;

/** A named link to a hack's code. */
public record RepositoryLink(String name, String url) {
}

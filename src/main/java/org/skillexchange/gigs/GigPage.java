package org.skillexchange.gigs;

import java.util.List;

/** One page of gigs, newest first. */
public record GigPage(List<Gig> items, int page, int size, long total) {
}

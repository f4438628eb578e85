package org.skillexchange.hacks;

import java.util.List;

/** One page of hacks, newest first. */
public record HackPage(List<Hack> items, int page, int size, long total) {
}

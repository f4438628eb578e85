package org.skillexchange.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.skillexchange.entities.EntityRefs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory over a source: read once, read again on a schedule and when someone unknown is asked
 * for (at most once per {@link #MISS_REFRESH_GAP}, so a stream of unknown refs cannot flood the catalog).
 * A failed read keeps the last good snapshot.
 */
final class CachingMemberDirectory implements MemberDirectory {

	static final Duration MISS_REFRESH_GAP = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(CachingMemberDirectory.class);

	private final MemberSource source;

	private final Clock clock;

	private volatile Snapshot snapshot = Snapshot.EMPTY;

	private volatile @Nullable Instant lastAttempt;

	/** Set once the first read has finished (well or not), so that nobody reads the empty snapshot before it. */
	private volatile boolean loadedOnce;

	CachingMemberDirectory(MemberSource source, Clock clock) {
		this.source = source;
		this.clock = clock;
	}

	@Override
	public Optional<Member> find(String ref) {
		String normalized;
		try {
			normalized = EntityRefs.normalizeUser(ref);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		loadIfNeverLoaded();
		Member member = snapshot.members().get(normalized);
		if (member == null && source.refreshable() && refreshDueAfterMiss()) {
			refresh();
			member = snapshot.members().get(normalized);
		}
		return Optional.ofNullable(member);
	}

	@Override
	public List<Member> all() {
		loadIfNeverLoaded();
		return snapshot.members().values().stream().sorted(java.util.Comparator.comparing(Member::ref)).toList();
	}

	@Override
	public List<String> expandGroup(String groupRef) {
		loadIfNeverLoaded();
		String normalized = EntityRefs.normalize(groupRef, "group");
		List<String> members = snapshot.groups().get(normalized);
		if (members == null && source.refreshable() && refreshDueAfterMiss()) {
			refresh();
			members = snapshot.groups().get(normalized);
		}
		return members == null ? List.of() : members;
	}

	/** Reads the source now; on failure keeps what it had and logs why. */
	synchronized void refresh() {
		lastAttempt = clock.instant();
		try {
			snapshot = source.load();
			log.debug("Members directory loaded: {} users, {} groups", snapshot.members().size(), snapshot.groups().size());
		}
		catch (RuntimeException e) {
			log.warn("Members directory not refreshed, keeping {} known users: {}", snapshot.members().size(), e.getMessage());
		}
		finally {
			loadedOnce = true;
		}
	}

	/**
	 * Callers arriving during the first read wait for it: {@code lastAttempt} is set when a read starts, so
	 * it cannot tell them the snapshot is ready (they would find nobody, and a file is not read again).
	 */
	private void loadIfNeverLoaded() {
		if (!loadedOnce) {
			synchronized (this) {
				if (!loadedOnce) {
					refresh();
				}
			}
		}
	}

	private boolean refreshDueAfterMiss() {
		Instant last = lastAttempt;
		return last == null || !clock.instant().isBefore(last.plus(MISS_REFRESH_GAP));
	}
}

package org.skillexchange.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.skillexchange.entities.EntityRefs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory over a source: read once and again on a schedule. Someone unknown is looked up on their
 * own (one short request, since the caller may hold a transaction) and an unknown group makes the whole
 * source read again; each at most once per {@link #MISS_REFRESH_GAP} (per person for look-ups), so a
 * stream of unknown refs cannot flood the catalog. A failed read keeps the last good snapshot.
 */
final class CachingMemberDirectory implements MemberDirectory {

	static final Duration MISS_REFRESH_GAP = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(CachingMemberDirectory.class);

	private final MemberSource source;

	private final Clock clock;

	private volatile Snapshot snapshot = Snapshot.EMPTY;

	private volatile @Nullable Instant lastAttempt;

	/** Set once the first read has finished, well or not; until then callers wait for it. */
	private volatile boolean firstReadDone;

	private final Map<String, Instant> lookedUp = new ConcurrentHashMap<>();

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
		if (member == null && source.refreshable() && lookUpDue(normalized)) {
			member = lookUp(normalized);
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
			lookedUp.clear();
			log.debug("Members directory loaded: {} users, {} groups", snapshot.members().size(), snapshot.groups().size());
		}
		catch (RuntimeException e) {
			log.warn("Members directory not refreshed, keeping {} known users: {}", snapshot.members().size(), e.getMessage());
		}
	}

	private void loadIfNeverLoaded() {
		// Not lastAttempt: refresh() sets it before reading, so a caller checking it would see the empty snapshot.
		if (!firstReadDone) {
			synchronized (this) {
				if (!firstReadDone) {
					refresh();
					firstReadDone = true;
				}
			}
		}
	}

	private @Nullable Member lookUp(String ref) {
		try {
			Optional<Member> found = source.lookUp(ref);
			found.ifPresent(this::add);
			return found.orElse(null);
		}
		catch (RuntimeException e) {
			log.warn("Could not look up {} in the members source: {}", ref, e.getMessage());
			return null;
		}
	}

	private synchronized void add(Member member) {
		Map<String, Member> members = new HashMap<>(snapshot.members());
		members.put(member.ref(), member);
		snapshot = new Snapshot(members, snapshot.groups());
	}

	private boolean lookUpDue(String ref) {
		Instant now = clock.instant();
		Instant last = lookedUp.get(ref);
		if (last != null && now.isBefore(last.plus(MISS_REFRESH_GAP))) {
			return false;
		}
		lookedUp.put(ref, now);
		return true;
	}

	private boolean refreshDueAfterMiss() {
		Instant last = lastAttempt;
		return last == null || !clock.instant().isBefore(last.plus(MISS_REFRESH_GAP));
	}
}

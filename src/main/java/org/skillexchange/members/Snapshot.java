package org.skillexchange.members;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.skillexchange.entities.EntityRefs;

/** One reading of a source: users by ref and group refs with their members' refs. */
record Snapshot(Map<String, Member> members, Map<String, List<String>> groups) {

	static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());

	Snapshot {
		members = Map.copyOf(members);
		groups = Map.copyOf(groups);
	}

	/**
	 * Reads Backstage entities (as parsed from YAML or catalog JSON). A group's members are the union of
	 * its {@code spec.members}, its {@code hasMember} relations, and users naming it in {@code spec.memberOf}
	 * or a {@code memberOf} relation, so both a catalog file and the catalog API give the same answer.
	 */
	static Snapshot of(List<Map<?, ?>> entities) {
		Map<String, Member> members = new TreeMap<>();
		Map<String, Set<String>> groups = new LinkedHashMap<>();
		for (Map<?, ?> entity : entities) {
			String kind = String.valueOf(entity.get("kind")).toLowerCase();
			Map<?, ?> metadata = map(entity.get("metadata"));
			if (!(metadata.get("name") instanceof String name)) {
				continue;
			}
			String namespace = metadata.get("namespace") instanceof String ns ? ns : "default";
			String ref = EntityRefs.normalize(kind + ":" + namespace + "/" + name, kind);
			Map<?, ?> spec = map(entity.get("spec"));
			if (kind.equals("user")) {
				Map<?, ?> profile = map(spec.get("profile"));
				String displayName = profile.get("displayName") instanceof String d && !d.isBlank() ? d : name;
				String email = profile.get("email") instanceof String e && !e.isBlank() ? e : null;
				String slackId = map(metadata.get("annotations")).get("slack.com/user_id") instanceof String s && !s.isBlank() ? s : null;
				members.put(ref, new Member(ref, displayName, email, slackId));
				for (Object group : list(spec.get("memberOf"))) {
					groups.computeIfAbsent(EntityRefs.normalize(String.valueOf(group), "group"), g -> new LinkedHashSet<>()).add(ref);
				}
				relations(entity, "memberOf").forEach(group -> groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(ref));
			}
			else if (kind.equals("group")) {
				Set<String> groupMembers = groups.computeIfAbsent(ref, g -> new LinkedHashSet<>());
				list(spec.get("members")).forEach(member -> groupMembers.add(EntityRefs.normalize(String.valueOf(member), "user")));
				groupMembers.addAll(relations(entity, "hasMember"));
			}
		}
		Map<String, List<String>> groupLists = new LinkedHashMap<>();
		groups.forEach((group, refs) -> groupLists.put(group, refs.stream().sorted().toList()));
		return new Snapshot(members, groupLists);
	}

	private static List<String> relations(Map<?, ?> entity, String type) {
		List<String> targets = new ArrayList<>();
		for (Object relation : list(entity.get("relations"))) {
			Map<?, ?> r = map(relation);
			if (type.equals(r.get("type")) && r.get("targetRef") instanceof String target) {
				targets.add(EntityRefs.normalize(target, "user"));
			}
		}
		return targets;
	}

	private static Map<?, ?> map(Object value) {
		return value instanceof Map<?, ?> m ? m : Map.of();
	}

	private static List<?> list(Object value) {
		return value instanceof List<?> l ? l : List.of();
	}
}

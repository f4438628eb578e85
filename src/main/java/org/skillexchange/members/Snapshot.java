package org.skillexchange.members;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
	 * or a {@code memberOf} relation, so both a catalog file and the catalog API give the same answer. As in
	 * Backstage's own recipient resolver, a group also reaches the members of its sub-groups ({@code spec.children},
	 * {@code spec.parent}, {@code parentOf} and {@code childOf}), through any depth.
	 */
	static Snapshot of(List<Map<?, ?>> entities) {
		Map<String, Member> members = new TreeMap<>();
		Map<String, Set<String>> groups = new LinkedHashMap<>();
		Map<String, Set<String>> children = new LinkedHashMap<>();
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
				relations(entity, "memberOf", "group").forEach(group -> groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(ref));
			}
			else if (kind.equals("group")) {
				Set<String> groupMembers = groups.computeIfAbsent(ref, g -> new LinkedHashSet<>());
				list(spec.get("members")).forEach(member -> groupMembers.add(EntityRefs.normalize(String.valueOf(member), "user")));
				groupMembers.addAll(relations(entity, "hasMember", "user"));
				Set<String> subGroups = children.computeIfAbsent(ref, g -> new LinkedHashSet<>());
				list(spec.get("children")).forEach(child -> subGroups.add(EntityRefs.normalize(String.valueOf(child), "group")));
				subGroups.addAll(relations(entity, "parentOf", "group"));
				List<String> parents = new ArrayList<>(relations(entity, "childOf", "group"));
				if (spec.get("parent") instanceof String parent && !parent.isBlank()) {
					parents.add(EntityRefs.normalize(parent, "group"));
				}
				parents.forEach(parent -> children.computeIfAbsent(parent, g -> new LinkedHashSet<>()).add(ref));
			}
		}
		Map<String, List<String>> groupLists = new LinkedHashMap<>();
		groups.keySet().forEach(group -> groupLists.put(group, withSubGroups(group, groups, children)));
		return new Snapshot(members, groupLists);
	}

	/** The group's own members and those of every group below it; a cycle in the hierarchy ends the walk. */
	private static List<String> withSubGroups(String group, Map<String, Set<String>> groups, Map<String, Set<String>> children) {
		Set<String> members = new TreeSet<>();
		Set<String> seen = new LinkedHashSet<>(List.of(group));
		Deque<String> todo = new ArrayDeque<>(seen);
		while (!todo.isEmpty()) {
			String next = todo.removeFirst();
			members.addAll(groups.getOrDefault(next, Set.of()));
			children.getOrDefault(next, Set.of()).stream().filter(seen::add).forEach(todo::addLast);
		}
		return List.copyOf(members);
	}

	private static List<String> relations(Map<?, ?> entity, String type, String targetKind) {
		List<String> targets = new ArrayList<>();
		for (Object relation : list(entity.get("relations"))) {
			Map<?, ?> r = map(relation);
			if (type.equals(r.get("type")) && r.get("targetRef") instanceof String target) {
				targets.add(EntityRefs.normalize(target, targetKind));
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

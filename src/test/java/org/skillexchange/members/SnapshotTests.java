package org.skillexchange.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SnapshotTests {

	@Test
	void aGroupReachesTheMembersOfItsSubGroupsAtAnyDepthAsTheCatalogRelatesThem() {
		Snapshot snapshot = read("""
				[{"kind":"Group","metadata":{"name":"engineering"},
				  "relations":[{"type":"hasMember","targetRef":"user:default/cto"},{"type":"parentOf","targetRef":"group:default/platform"}]},
				 {"kind":"Group","metadata":{"name":"platform"},
				  "relations":[{"type":"hasMember","targetRef":"user:default/alice"},{"type":"parentOf","targetRef":"group:default/sre"},
				               {"type":"childOf","targetRef":"group:default/engineering"}]},
				 {"kind":"Group","metadata":{"name":"sre"},
				  "relations":[{"type":"hasMember","targetRef":"user:default/bob"},{"type":"childOf","targetRef":"group:default/platform"}]}]""");

		assertThat(snapshot.groups().get("group:default/engineering"))
			.containsExactly("user:default/alice", "user:default/bob", "user:default/cto");
		assertThat(snapshot.groups().get("group:default/platform")).containsExactly("user:default/alice", "user:default/bob");
		assertThat(snapshot.groups().get("group:default/sre")).containsExactly("user:default/bob");
	}

	@Test
	void aCatalogFileLinksSubGroupsThroughSpecChildrenOrSpecParent() {
		Snapshot snapshot = read("""
				[{"kind":"Group","metadata":{"name":"engineering"},"spec":{"children":["platform"]}},
				 {"kind":"Group","metadata":{"name":"platform"},"spec":{"members":["alice"]}},
				 {"kind":"Group","metadata":{"name":"mobile"},"spec":{"parent":"engineering"}},
				 {"kind":"User","metadata":{"name":"bob"},"spec":{"memberOf":["mobile"]}}]""");

		assertThat(snapshot.groups().get("group:default/engineering")).containsExactly("user:default/alice", "user:default/bob");
	}

	@Test
	void aCycleInTheHierarchyEndsTheWalk() {
		Snapshot snapshot = read("""
				[{"kind":"Group","metadata":{"name":"a"},"spec":{"children":["b"],"members":["ann"]}},
				 {"kind":"Group","metadata":{"name":"b"},"spec":{"children":["a"],"members":["ben"]}}]""");

		assertThat(snapshot.groups().get("group:default/a")).containsExactly("user:default/ann", "user:default/ben");
		assertThat(snapshot.groups().get("group:default/b")).containsExactly("user:default/ann", "user:default/ben");
	}

	@SuppressWarnings("unchecked")
	private static Snapshot read(String json) {
		return Snapshot.of((List<Map<?, ?>>) (List<?>) JsonMapper.builder().build().readValue(json, List.class));
	}
}

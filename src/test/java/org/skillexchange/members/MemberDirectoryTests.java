package org.skillexchange.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.skillexchange.testsupport.MutableClock;

class MemberDirectoryTests {

	@Nested
	class FromAFile {

		MemberDirectory directory = new CachingMemberDirectory(new FileMemberSource(Path.of("examples/org.yaml")), Clock.systemUTC());

		@Test
		void readsUsersWithDisplayNameEmailAndSlackId() {
			assertThat(directory.require("user:default/alice"))
				.isEqualTo(new Member("user:default/alice", "Alice Chen", "alice.chen@example.com", "U0ALICE"));
			assertThat(directory.find("User:Default/JDoe")).get().extracting(Member::displayName).isEqualTo("Jane Doe");
			assertThat(directory.all()).extracting(Member::ref)
				.containsExactly("user:default/admin", "user:default/alice", "user:default/bob", "user:default/jdoe");
		}

		@Test
		void requireThrowsForSomeoneUnknown() {
			assertThatThrownBy(() -> directory.require("user:default/nobody")).isInstanceOf(MemberNotFound.class)
				.hasMessageContaining("user:default/nobody");
			assertThat(directory.find("not a ref at all")).isEmpty();
		}

		@Test
		void expandsGroupsFromSpecMembersAndMemberOf() {
			assertThat(directory.expandGroup("group:default/platform")).containsExactly("user:default/alice", "user:default/jdoe");
			assertThat(directory.expandGroup("mobile")).containsExactly("user:default/bob");
			assertThat(directory.expandGroup("group:default/none")).isEmpty();
		}
	}

	@Nested
	class FromTheCatalog {

		HttpServer server;

		List<String> requests = new CopyOnWriteArrayList<>();

		AtomicReference<String> joined = new AtomicReference<>();

		MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

		CachingMemberDirectory directory;

		@BeforeEach
		void startCatalog() throws IOException {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/api/catalog/entities/by-query", this::byQuery);
			server.createContext("/api/catalog/entities/by-name/", this::byName);
			server.start();
			URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
			directory = new CachingMemberDirectory(new CatalogMemberSource(base, "service-token"), clock);
		}

		@AfterEach
		void stopCatalog() {
			server.stop(0);
		}

		private void byName(HttpExchange exchange) throws IOException {
			String path = exchange.getRequestURI().getPath();
			requests.add(path + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
			String name = path.substring(path.lastIndexOf('/') + 1);
			if (name.equals(joined.get())) {
				respond(exchange, 200, user(name, "Newly Joined", null));
			}
			else {
				respond(exchange, 404, "{\"error\":{\"name\":\"NotFoundError\"}}");
			}
		}

		private void byQuery(HttpExchange exchange) throws IOException {
			String query = exchange.getRequestURI().getRawQuery();
			requests.add(query + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
			String body;
			if (query.contains("filter=kind%3Duser")) {
				body = page(user("jdoe", null, "U0JDOE") + "," + user("alice", "Alice Chen", null), "users-2");
			}
			else if (query.contains("cursor=users-2")) {
				body = page(user("bob", "Bob Okafor", null), null);
			}
			else {
				body = page("""
						{"kind":"Group","metadata":{"name":"platform","namespace":"default"},"spec":{"type":"team"},
						 "relations":[{"type":"hasMember","targetRef":"user:default/jdoe"},{"type":"hasMember","targetRef":"user:default/alice"}]}""", null);
			}
			respond(exchange, 200, body);
		}

		private static void respond(HttpExchange exchange, int status, String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}

		@Test
		void readsEveryPageWithTheServiceToken() {
			assertThat(directory.all()).extracting(Member::ref)
				.containsExactly("user:default/alice", "user:default/bob", "user:default/jdoe");
			assertThat(directory.require("user:default/jdoe")).isEqualTo(new Member("user:default/jdoe", "jdoe", "jdoe@example.com", "U0JDOE"));
			assertThat(requests).hasSize(3).allSatisfy(request -> assertThat(request).endsWith("auth=Bearer service-token"));
			assertThat(requests.get(1)).startsWith("cursor=users-2");
		}

		@Test
		void expandsGroupsThroughHasMemberRelations() {
			assertThat(directory.expandGroup("group:default/platform")).containsExactly("user:default/alice", "user:default/jdoe");
		}

		@Test
		void looksUpSomeoneUnknownOnTheirOwnButNotMoreThanOncePerGap() {
			assertThat(directory.find("user:default/carol")).isEmpty();
			int afterFirstMiss = requests.size();
			assertThat(requests.get(afterFirstMiss - 1)).startsWith("/api/catalog/entities/by-name/user/default/carol auth=Bearer");
			joined.set("carol");
			assertThat(directory.find("user:default/carol")).isEmpty();
			assertThat(requests).hasSize(afterFirstMiss);

			clock.advance(CachingMemberDirectory.MISS_REFRESH_GAP);
			assertThat(directory.find("user:default/carol")).get().extracting(Member::displayName).isEqualTo("Newly Joined");
			assertThat(requests).hasSize(afterFirstMiss + 1);
			assertThat(directory.find("user:default/carol")).isPresent();
			assertThat(directory.all()).extracting(Member::ref).contains("user:default/carol", "user:default/alice");
			assertThat(requests).hasSize(afterFirstMiss + 1);
		}

		@Test
		void anUnknownGroupReadsTheWholeCatalogAgainAtMostOncePerGap() {
			assertThat(directory.expandGroup("group:default/new-team")).isEmpty();
			int afterFirstMiss = requests.size();
			assertThat(directory.expandGroup("group:default/new-team")).isEmpty();
			assertThat(requests).hasSize(afterFirstMiss);

			clock.advance(CachingMemberDirectory.MISS_REFRESH_GAP);
			directory.expandGroup("group:default/new-team");
			assertThat(requests).hasSize(afterFirstMiss + 3);
		}

		@Test
		void aCatalogThatFailsALookUpLeavesThePersonUnknown() {
			directory.all();
			server.stop(0);
			assertThat(directory.find("user:default/carol")).isEmpty();
			assertThat(directory.find("user:default/alice")).isPresent();
		}

		@Test
		void keepsTheLastGoodReadWhenTheCatalogGoesAway() {
			assertThat(directory.find("user:default/alice")).isPresent();
			server.stop(0);
			directory.refresh();
			assertThat(directory.find("user:default/alice")).isPresent();
		}

		private static String user(String name, String displayName, String slackId) {
			return """
					{"kind":"User","metadata":{"name":"%s","namespace":"default"%s},
					 "spec":{"profile":{%s"email":"%s@example.com"}}}"""
				.formatted(name, slackId == null ? "" : ",\"annotations\":{\"slack.com/user_id\":\"" + slackId + "\"}",
						displayName == null ? "" : "\"displayName\":\"" + displayName + "\",", name);
		}

		private static String page(String items, String nextCursor) {
			return "{\"items\":[" + items + "],\"totalItems\":3,\"pageInfo\":{"
					+ (nextCursor == null ? "" : "\"nextCursor\":\"" + nextCursor + "\"") + "}}";
		}
	}
}

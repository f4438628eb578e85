package org.skillexchange.members;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Backstage catalog's {@code /api/catalog/entities/by-query}, filtered to users and then groups,
 * following {@code pageInfo.nextCursor} until the last page; one user by {@code /entities/by-name}.
 */
final class CatalogMemberSource implements MemberSource {

	static final int PAGE_SIZE = 500;

	private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

	/** Short, because a look-up can happen while the change that needs the person holds its transaction. */
	private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(3);

	private final URI backendBaseUrl;

	private final String token;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	CatalogMemberSource(URI backendBaseUrl, String token) {
		this.backendBaseUrl = backendBaseUrl;
		this.token = token;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	@Override
	public Snapshot load() {
		List<Map<?, ?>> entities = new ArrayList<>(entities("kind=user"));
		entities.addAll(entities("kind=group"));
		return Snapshot.of(entities);
	}

	@Override
	public boolean refreshable() {
		return true;
	}

	private List<Map<?, ?>> entities(String filter) {
		List<Map<?, ?>> entities = new ArrayList<>();
		String query = "filter=" + encode(filter) + "&limit=" + PAGE_SIZE;
		while (query != null) {
			Map<?, ?> page = get(query);
			if (page.get("items") instanceof List<?> items) {
				items.stream().filter(Map.class::isInstance).map(item -> (Map<?, ?>) item).forEach(entities::add);
			}
			query = page.get("pageInfo") instanceof Map<?, ?> info && info.get("nextCursor") instanceof String cursor
					&& !cursor.isBlank() ? "cursor=" + encode(cursor) + "&limit=" + PAGE_SIZE : null;
		}
		return entities;
	}

	@Override
	public Optional<Member> lookUp(String userRef) {
		String[] kindAndRest = userRef.split(":", 2);
		String[] namespaceAndName = kindAndRest[1].split("/", 2);
		String path = "/api/catalog/entities/by-name/user/" + encode(namespaceAndName[0]) + "/" + encode(namespaceAndName[1]);
		return get(path, LOOKUP_TIMEOUT).map(entity -> Snapshot.of(List.of(entity)).members().get(userRef));
	}

	private Map<?, ?> get(String query) {
		return get("/api/catalog/entities/by-query?" + query, PAGE_TIMEOUT)
			.orElseThrow(() -> new CatalogUnavailable("The Backstage catalog answered 404 for /api/catalog/entities/by-query"));
	}

	/** The entity or page at that path; empty when the catalog answers 404. */
	private Optional<Map<?, ?>> get(String pathAndQuery, Duration timeout) {
		URI uri = URI.create(backendBaseUrl.toString().replaceAll("/+$", "") + pathAndQuery);
		var request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
		if (!token.isBlank()) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 404) {
				return Optional.empty();
			}
			if (response.statusCode() != 200) {
				throw new CatalogUnavailable("The Backstage catalog answered " + response.statusCode() + " for "
						+ uri.getPath() + (response.statusCode() == 401 ? "; check skillExchange.backstage.token" : ""));
			}
			return Optional.of(json.readValue(response.body(), Map.class));
		}
		catch (IOException e) {
			throw new CatalogUnavailable("The Backstage catalog at " + backendBaseUrl + " is unreachable: " + e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CatalogUnavailable("Interrupted while reading the Backstage catalog");
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The catalog could not be read; the directory keeps its last good snapshot. */
	static final class CatalogUnavailable extends RuntimeException {

		CatalogUnavailable(String message) {
			super(message);
		}
	}
}

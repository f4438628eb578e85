package org.skillexchange.searches;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.skillexchange.auth.AccessDenied;
import org.skillexchange.auth.Caller;
import org.skillexchange.gigs.GigType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's saved searches. */
@RestController
@RequestMapping("/api/skill-exchange/saved-searches")
class SavedSearchesController {

	private final SavedSearches searches;

	SavedSearchesController(SavedSearches searches) {
		this.searches = searches;
	}

	record SearchBody(@NotBlank String gigType, @NotEmpty @Size(max = SavedSearches.MAX_QUERIES) List<@NotNull @Valid QueryBody> queries) {
	}

	record QueryBody(@NotBlank @Size(max = SavedSearches.MAX_QUERY_LENGTH) String query, @NotBlank String category) {
	}

	@GetMapping
	List<SavedSearch> mine(Caller caller) {
		return searches.of(user(caller));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SavedSearch save(Caller caller, @Valid @RequestBody SearchBody body) {
		var queries = new java.util.ArrayList<SavedSearch.Query>();
		for (int i = 0; i < body.queries().size(); i++) {
			QueryBody query = body.queries().get(i);
			queries.add(new SavedSearch.Query(query.query(), parse(SavedSearch.Category.class, query.category(), "queries[" + i + "].category")));
		}
		return searches.save(user(caller), parse(GigType.class, body.gigType(), "gigType"), queries);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Caller caller, @PathVariable UUID id) {
		searches.delete(user(caller), id);
	}

	@ExceptionHandler
	ProblemDetail on(SavedSearchNotFound notFound) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
		problem.setTitle("Saved search not found");
		return problem;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidSavedSearch(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
		}
	}

	private static String user(Caller caller) {
		if (!caller.isUser()) {
			throw new AccessDenied(caller.subject(), "keep saved searches: only users can (service tokens cannot)");
		}
		return caller.subject();
	}
}

package org.skillexchange.platform;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any handler runs, a request whose media types cannot be honoured: a wildcard {@code Content-Type}
 * (415; Spring MVC throws on it, a 500), an {@code Accept} that does not parse (400; Spring could not even render
 * the error), and, on the JSON API, an {@code Accept} without JSON (406). Spring MVC would find the last out only
 * when writing the answer, after the handler had run and committed its change.
 */
@Component
class NegotiationFilter extends OncePerRequestFilter {

	private static final List<MediaType> API_ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String refusal = wildcardContentType(request.getContentType());
		int status = HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
		if (refusal == null) {
			List<MediaType> accepted;
			try {
				accepted = MediaType.parseMediaTypes(request.getHeaders("Accept") == null ? List.of()
						: Collections.list(request.getHeaders("Accept")));
			}
			catch (InvalidMediaTypeException e) {
				response.sendError(HttpServletResponse.SC_BAD_REQUEST, "The Accept header cannot be parsed: " + e.getMessage());
				return;
			}
			if (request.getRequestURI().startsWith("/api/") && !acceptsJson(accepted)) {
				refusal = "This API answers with application/json (errors application/problem+json); Accept names neither";
				status = HttpServletResponse.SC_NOT_ACCEPTABLE;
			}
		}
		if (refusal != null) {
			response.sendError(status, refusal);
			return;
		}
		List<String> accept = Collections.list(request.getHeaders("Accept"));
		// A blank Accept says no more than none (Spring Boot's Prometheus endpoint fails on it with a 500).
		chain.doFilter(!accept.isEmpty() && accept.stream().allMatch(String::isBlank) ? withoutAccept(request) : request, response);
	}

	private static HttpServletRequest withoutAccept(HttpServletRequest request) {
		return new HttpServletRequestWrapper(request) {

			@Override
			public @Nullable String getHeader(String name) {
				return "Accept".equalsIgnoreCase(name) ? null : super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return "Accept".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
			}

			@Override
			public Enumeration<String> getHeaderNames() {
				return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
					.filter(name -> !"Accept".equalsIgnoreCase(name))
					.toList());
			}
		};
	}

	private static @Nullable String wildcardContentType(@Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype()
					? "Content-Type must name one media type, not a wildcard such as " + type.getType() + "/" + type.getSubtype() : null;
		}
		catch (InvalidMediaTypeException e) {
			// Spring MVC answers an unparseable Content-Type with 415 on its own.
			return null;
		}
	}

	private static boolean acceptsJson(List<MediaType> accepted) {
		return accepted.isEmpty() || accepted.stream()
			.filter(type -> type.getQualityValue() > 0)
			.anyMatch(type -> API_ANSWERS.stream().anyMatch(type::isCompatibleWith));
	}
}

package org.skillexchange.platform;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 404 for a health path that goes on below a component that has no parts ({@code /actuator/health/nope/more}):
 * Spring Boot 4.0.7's health endpoint fails such a path with a 500 ("'contributor' must not be null").
 */
@Component
class HealthPathFilter extends OncePerRequestFilter {

	private final ObjectProvider<HealthContributorRegistry> registry;

	private final ObjectProvider<HealthEndpointGroups> groups;

	private final String prefix;

	HealthPathFilter(ObjectProvider<HealthContributorRegistry> registry, ObjectProvider<HealthEndpointGroups> groups,
			@Value("${management.endpoints.web.base-path:/actuator}") String basePath) {
		this.registry = registry;
		this.groups = groups;
		this.prefix = basePath + "/health/";
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(prefix) || registry.getIfAvailable() == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// -1 keeps empty segments: "/actuator/health//" is one empty name, not none.
		String[] path = request.getRequestURI().substring(prefix.length()).split("/", -1);
		HealthEndpointGroups known = groups.getIfAvailable();
		int first = known != null && known.getNames().contains(decode(path[0])) ? 1 : 0;
		HealthContributors parts = registry.getObject();
		for (int i = first; i < path.length - 1; i++) {
			HealthContributor part = parts.getContributor(decode(path[i]));
			if (!(part instanceof CompositeHealthContributor composite)) {
				response.sendError(HttpServletResponse.SC_NOT_FOUND, "No health component with parts named '" + decode(path[i]) + "'");
				return;
			}
			parts = composite;
		}
		chain.doFilter(request, response);
	}

	private static String decode(String segment) {
		try {
			return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return segment;
		}
	}
}

package org.skillexchange.badinput;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * One method and path pattern the running service maps, with what its handler reads: path variables, query
 * parameters, headers and the body type. Found from every request mapping in the context (controllers, actuator,
 * springdoc, the error controller), so an endpoint added later is fuzzed without touching the suite.
 */
record Endpoint(String method, String pattern, String handler, Map<String, Type> pathVariables, List<Param> queryParams,
		List<String> headerParams, @Nullable Type body, boolean bodyRequired) {

	record Param(String name, Type type, boolean required) {
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

	/** {@code GET /api/skill-exchange/gigs/{id}}: how reports name it. */
	String name() {
		return method + " " + pattern;
	}

	/** Whether the body is taken as raw bytes (a signed webhook) rather than bound JSON. */
	boolean rawBody() {
		return body == byte[].class;
	}

	static List<Endpoint> discover(ApplicationContext context) {
		Set<Endpoint> found = new TreeSet<>(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
			mapping.getHandlerMethods().forEach((info, handler) -> found.addAll(of(info, handler)));
		}
		return List.copyOf(found);
	}

	private static List<Endpoint> of(RequestMappingInfo info, HandlerMethod handler) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		List<String> verbs = methods.isEmpty() ? List.of("GET", "POST") : methods.stream().map(RequestMethod::name).sorted().toList();
		Map<String, Type> parameterTypes = new LinkedHashMap<>();
		List<Param> query = new ArrayList<>();
		List<String> headers = new ArrayList<>();
		Type body = null;
		boolean bodyRequired = false;
		for (MethodParameter parameter : handler.getMethodParameters()) {
			parameter = parameter.withContainingClass(handler.getBeanType());
			String name = parameter.getParameterName();
			if (parameter.hasParameterAnnotation(PathVariable.class)) {
				PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
				parameterTypes.put(annotation.name().isEmpty() ? name : annotation.name(), parameter.getGenericParameterType());
			}
			else if (parameter.hasParameterAnnotation(RequestParam.class)) {
				RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
				query.add(new Param(annotation.name().isEmpty() ? name : annotation.name(), parameter.getGenericParameterType(),
						annotation.required() && annotation.defaultValue().equals(ValueConstants.DEFAULT_NONE)));
			}
			else if (parameter.hasParameterAnnotation(RequestHeader.class)) {
				RequestHeader annotation = parameter.getParameterAnnotation(RequestHeader.class);
				headers.add(annotation.name().isEmpty() ? name : annotation.name());
			}
			else if (parameter.hasParameterAnnotation(RequestBody.class)) {
				body = parameter.getGenericParameterType();
				bodyRequired = parameter.getParameterAnnotation(RequestBody.class).required();
			}
		}
		String handlerName = handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
		List<Endpoint> endpoints = new ArrayList<>();
		for (String pattern : info.getPatternValues()) {
			Map<String, Type> variables = new LinkedHashMap<>();
			Matcher matcher = VARIABLE.matcher(pattern);
			while (matcher.find()) {
				variables.put(matcher.group(1), parameterTypes.getOrDefault(matcher.group(1), String.class));
			}
			for (String verb : verbs) {
				endpoints.add(new Endpoint(verb, pattern, handlerName, variables, List.copyOf(query), List.copyOf(headers), body, bodyRequired));
			}
		}
		return endpoints;
	}
}

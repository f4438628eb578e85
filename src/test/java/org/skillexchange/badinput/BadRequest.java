package org.skillexchange.badinput;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request: the endpoint it aims at, how it was made bad ({@code kind}), and the exact bytes to send.
 * {@code toString} shortens the body, since a shrunk failure is printed and bodies run to megabytes.
 */
record BadRequest(Endpoint endpoint, String kind, String auth, String method, String target, List<Header> headers, byte[] body) {

	/** A hand-made request (the findings' regression tests): headers as name, value, name, value… */
	static BadRequest of(Endpoint endpoint, String method, String target, String body, String... headers) {
		List<Header> list = new java.util.ArrayList<>();
		for (int i = 0; i < headers.length; i += 2) {
			list.add(new Header(headers[i], headers[i + 1]));
		}
		return new BadRequest(endpoint, "example", "as given", method, target, List.copyOf(list), body.getBytes(StandardCharsets.UTF_8));
	}

	record Header(String name, String value) {

		@Override
		public String toString() {
			return name + ": " + BadRequest.shorten(value, 200);
		}
	}

	/**
	 * Whether a 4xx should be problem details: not for HEAD (no body), nor when the client accepts no JSON, nor from
	 * the actuator, which answers in Spring Boot's format (an unknown health component is a bare 404).
	 */
	boolean expectsProblemDetails() {
		if (method.equals("HEAD") || target.startsWith("/actuator")) {
			return false;
		}
		return headers.stream()
			.filter(header -> header.name().equalsIgnoreCase("Accept"))
			.allMatch(header -> header.value().isBlank() || header.value().contains("json") || header.value().contains("*/*"));
	}

	@Override
	public String toString() {
		return method + " " + shorten(target, 300) + " [" + kind + ", " + auth + "] " + headers + " body(" + body.length + " bytes): "
				+ shorten(new String(body, StandardCharsets.UTF_8), 500);
	}

	static String shorten(String text, int max) {
		String printable = text.replace("\u0000", "\\0");
		return printable.length() <= max ? printable : printable.substring(0, max) + "…(" + printable.length() + " chars)";
	}
}

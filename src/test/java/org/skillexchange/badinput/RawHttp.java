package org.skillexchange.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a plain socket, one request per connection. A client library would refuse much of what the suite
 * sends (bytes outside ASCII in headers, unencoded paths, contradictory content types); the bytes go as they are.
 * The body is written on its own thread while the answer is read, since the service may answer (and stop reading)
 * before a multi-megabyte body is through.
 */
final class RawHttp {

	/** An answer; {@code status} is 0 when none came (connection closed or reset before a status line). */
	record Response(int status, Map<String, String> headers, String body, @Nullable String failure) {

		@Nullable String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	Response send(BadRequest request) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(120_000);
			OutputStream out = socket.getOutputStream();
			out.write(head(request));
			out.flush();
			CompletableFuture<@Nullable IOException> written = CompletableFuture.supplyAsync(() -> {
				try {
					out.write(request.body());
					out.flush();
					return null;
				}
				catch (IOException e) {
					return e;
				}
			});
			byte[] answer = readAll(socket.getInputStream());
			IOException writeFailure = written.join();
			Response response = parse(answer);
			if (response.status() == 0 && writeFailure != null) {
				return new Response(0, Map.of(), "", "no answer; writing the body failed: " + writeFailure);
			}
			return response;
		}
		catch (IOException e) {
			return new Response(0, Map.of(), "", "no answer: " + e);
		}
	}

	private static byte[] head(BadRequest request) {
		var head = new StringBuilder();
		head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
		head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
		request.headers().forEach(header -> head.append(header.name()).append(": ").append(header.value()).append("\r\n"));
		if (request.body().length > 0 || request.method().equals("POST") || request.method().equals("PUT")) {
			head.append("Content-Length: ").append(request.body().length).append("\r\n");
		}
		head.append("\r\n");
		// ISO-8859-1: one byte per char, so a header carries exactly the bytes the generator chose.
		return head.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] readAll(InputStream in) throws IOException {
		var bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		try {
			for (int n; (n = in.read(buffer)) >= 0;) {
				bytes.write(buffer, 0, n);
			}
		}
		catch (IOException e) {
			// A reset after the answer was sent (the service closing on an unread body) keeps what arrived.
			if (bytes.size() == 0) {
				throw e;
			}
		}
		return bytes.toByteArray();
	}

	static Response parse(byte[] answer) {
		String text = new String(answer, StandardCharsets.ISO_8859_1);
		// An interim 100 Continue (the request said Expect: 100-continue) comes before the real answer.
		while (text.startsWith("HTTP/1.1 100") && text.indexOf("\r\n\r\n") > 0) {
			int interim = text.indexOf("\r\n\r\n") + 4;
			text = text.substring(interim);
			answer = java.util.Arrays.copyOfRange(answer, interim, answer.length);
		}
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.") || end < 0) {
			return new Response(0, Map.of(), "", "no status line in " + answer.length + " bytes");
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
			}
		}
		byte[] body = java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8), null);
	}

	private static byte[] unchunk(byte[] chunked) {
		var out = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOfCrlf(chunked, at);
			if (lineEnd < 0) {
				break;
			}
			String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
			if (size == 0) {
				break;
			}
			int from = lineEnd + 2;
			out.write(chunked, from, Math.min(size, chunked.length - from));
			at = from + size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOfCrlf(byte[] bytes, int from) {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}
}

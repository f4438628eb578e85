package org.skillexchange.slacksim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The third-party Slack vectors, copied unchanged with their licences into {@code src/test/resources/vectors/slack}. */
final class Vectors {

	static final Path SLACK = Path.of(System.getProperty("skx.vectors", "src/test/resources/vectors"), "slack");

	private Vectors() {
	}

	static String sdkSample(String name) throws IOException {
		return Files.readString(SLACK.resolve("java-slack-sdk-samples").resolve(name));
	}

	static JsonObject sdkSampleJson(String name) throws IOException {
		return JsonParser.parseString(sdkSample(name)).getAsJsonObject();
	}

	static JsonObject openApiExtract() throws IOException {
		return JsonParser.parseString(Files.readString(SLACK.resolve("openapi-extract-dm-methods.json"))).getAsJsonObject();
	}
}

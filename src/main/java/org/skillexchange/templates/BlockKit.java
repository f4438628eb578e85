package org.skillexchange.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Slack's Block Kit rules that a template can break: valid JSON, and Slack's published size limits. */
final class BlockKit {

	static final int MAX_BLOCKS = 50;

	static final int MAX_SECTION_TEXT = 3_000;

	static final int MAX_BUTTON_TEXT = 75;

	static final int MAX_MESSAGE_TEXT = 40_000;

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** A broken rule, at a character offset of the checked JSON. */
	record Problem(long offset, String message, String fix) {
	}

	private BlockKit() {
	}

	/** Every broken rule; empty when Slack would accept the blocks. */
	static List<Problem> check(String json) {
		Map<String, Long> offsets = new HashMap<>();
		try (JsonParser parser = JSON.createParser(json)) {
			while (parser.nextToken() != null) {
				offsets.putIfAbsent(parser.streamReadContext().pathAsPointer().toString(), parser.currentTokenLocation().getCharOffset());
			}
		}
		catch (JacksonException e) {
			long offset = e.getLocation() == null ? 0 : e.getLocation().getCharOffset();
			return List.of(new Problem(offset, "invalid Block Kit JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")",
					"check the commas, quotes and brackets here; the template must render one JSON array of block objects, and a"
							+ " value must sit inside quotes (\"{{postTitle}}\")"));
		}
		JsonNode root = JSON.readTree(json);
		var problems = new ArrayList<Problem>();
		if (!root.isArray()) {
			problems.add(new Problem(0, "Block Kit blocks must be a JSON array", "wrap the blocks in [ … ]"));
			return problems;
		}
		if (root.size() > MAX_BLOCKS) {
			problems.add(new Problem(offset(offsets, "/" + MAX_BLOCKS), root.size() + " blocks, Slack allows at most " + MAX_BLOCKS,
					"merge or remove blocks (a section over a list repeats its block for each item)"));
		}
		for (int i = 0; i < root.size(); i++) {
			checkBlock(root.get(i), "/" + i, offsets, problems);
		}
		return problems;
	}

	private static void checkBlock(JsonNode block, String pointer, Map<String, Long> offsets, List<Problem> problems) {
		if (!block.isObject() || !block.path("type").isString()) {
			problems.add(new Problem(offset(offsets, pointer), "a block without a \"type\"", "give each block a type such as \"section\""));
			return;
		}
		String type = block.path("type").asString();
		if (type.equals("section") && block.path("text").path("text").asString("").length() > MAX_SECTION_TEXT) {
			problems.add(new Problem(offset(offsets, pointer + "/text/text"), "section text of " + block.path("text").path("text").asString().length()
					+ " characters, Slack allows at most " + MAX_SECTION_TEXT, "shorten the text or split it over several section blocks"));
		}
		if (block.path("accessory").isObject()) {
			checkButton(block.path("accessory"), pointer + "/accessory", offsets, problems);
		}
		for (int j = 0; j < block.path("elements").size(); j++) {
			checkButton(block.path("elements").get(j), pointer + "/elements/" + j, offsets, problems);
		}
	}

	private static void checkButton(JsonNode element, String pointer, Map<String, Long> offsets, List<Problem> problems) {
		int length = element.path("text").path("text").asString("").length();
		if (element.path("type").asString("").equals("button") && length > MAX_BUTTON_TEXT) {
			problems.add(new Problem(offset(offsets, pointer + "/text/text"), "button text of " + length + " characters, Slack allows at most "
					+ MAX_BUTTON_TEXT, "use a shorter label"));
		}
	}

	private static long offset(Map<String, Long> offsets, String pointer) {
		return offsets.entrySet().stream()
			.filter(entry -> entry.getKey().equals(pointer) || entry.getKey().startsWith(pointer + "/"))
			.mapToLong(Map.Entry::getValue)
			.min()
			.orElse(0);
	}

	/** The blocks as Slack gets them: compact, and cut to Slack's limits when user-written values are very long. */
	static String normalized(String json) {
		JsonNode root = JSON.readTree(json);
		if (root instanceof ArrayNode blocks) {
			while (blocks.size() > MAX_BLOCKS) {
				blocks.remove(blocks.size() - 1);
			}
			for (JsonNode block : blocks) {
				cut(block.path("text"), MAX_SECTION_TEXT);
				cutButton(block.path("accessory"));
				block.path("elements").forEach(BlockKit::cutButton);
			}
		}
		return JSON.writeValueAsString(root);
	}

	static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static void cutButton(JsonNode element) {
		if (element.path("type").asString("").equals("button")) {
			cut(element.path("text"), MAX_BUTTON_TEXT);
		}
	}

	private static void cut(JsonNode node, int max) {
		if (node instanceof ObjectNode object && object.path("text").isString()) {
			object.put("text", cut(object.path("text").asString(), max));
		}
	}
}

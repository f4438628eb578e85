package org.skillexchange.slacksim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The state of the simulated workspace: people, tokens, the app's DMs and the messages in them. */
final class Workspace {

	static final String TEAM_ID = "T0SIMTEAM";

	static final String TEAM_NAME = "Simulated Workspace";

	static final String TEAM_DOMAIN = "simulated";

	static final String APP_ID = "A0SIMAPP";

	static final String BOT_ID = "B0SIMBOT";

	static final String BOT_USER_ID = "U0SIMBOT";

	static final String BOT_NAME = "skill-exchange";

	private final Clock clock;

	private final Map<String, SimulatedUser> users = new LinkedHashMap<>();

	private final Map<String, SimulatedToken> tokens = new LinkedHashMap<>();

	private final Set<String> revoked = new HashSet<>();

	private final Map<String, String> dmByUser = new LinkedHashMap<>();

	private final Set<String> archived = new HashSet<>();

	private final Map<String, List<SimulatedMessage>> messages = new LinkedHashMap<>();

	private boolean appInstalled = true;

	private boolean socketModeEnabled = true;

	private long lastTsMicros;

	Workspace(Clock clock) {
		this.clock = clock;
	}

	synchronized void addUser(SimulatedUser user) {
		users.put(user.id(), user);
	}

	synchronized void addToken(SimulatedToken token) {
		tokens.put(token.value(), token);
		revoked.remove(token.value());
	}

	synchronized void removeToken(String token) {
		tokens.remove(token);
	}

	synchronized void revoke(String token) {
		revoked.add(token);
	}

	synchronized void appInstalled(boolean installed) {
		this.appInstalled = installed;
	}

	synchronized boolean appInstalled() {
		return appInstalled;
	}

	synchronized void socketModeEnabled(boolean enabled) {
		this.socketModeEnabled = enabled;
	}

	synchronized boolean socketModeEnabled() {
		return socketModeEnabled;
	}

	synchronized Optional<SimulatedToken> token(String value) {
		return Optional.ofNullable(tokens.get(value));
	}

	synchronized boolean revoked(String value) {
		return revoked.contains(value);
	}

	synchronized List<SimulatedToken> tokens() {
		return List.copyOf(tokens.values());
	}

	synchronized List<SimulatedUser> users() {
		return List.copyOf(users.values());
	}

	synchronized Optional<SimulatedUser> user(String id) {
		return Optional.ofNullable(users.get(id));
	}

	synchronized Optional<SimulatedUser> userByEmail(String email) {
		return users.values().stream().filter(user -> user.email().equalsIgnoreCase(email)).findFirst();
	}

	/** The DM channel id for a user and whether it was open already. */
	synchronized Map.Entry<String, Boolean> openDm(String userId) {
		String existing = dmByUser.get(userId);
		if (existing != null) {
			return Map.entry(existing, true);
		}
		String id = "D" + userId.substring(1);
		dmByUser.put(userId, id);
		messages.putIfAbsent(id, new ArrayList<>());
		return Map.entry(id, false);
	}

	synchronized boolean channelExists(String channel) {
		return dmByUser.containsValue(channel);
	}

	synchronized void archive(String channel) {
		archived.add(channel);
	}

	synchronized boolean archived(String channel) {
		return archived.contains(channel);
	}

	synchronized SimulatedMessage post(String channel, String text, @Nullable String blocks, @Nullable String metadata) {
		var message = new SimulatedMessage(channel, nextTs(), text, blocks, metadata);
		messages.computeIfAbsent(channel, key -> new ArrayList<>()).add(message);
		return message;
	}

	synchronized Optional<SimulatedMessage> update(String channel, String ts, String text, @Nullable String blocks) {
		List<SimulatedMessage> list = messages.getOrDefault(channel, List.of());
		for (int i = 0; i < list.size(); i++) {
			SimulatedMessage old = list.get(i);
			if (old.ts().equals(ts)) {
				var updated = new SimulatedMessage(channel, ts, text, blocks == null ? old.blocksJson() : blocks, old.metadataJson());
				list.set(i, updated);
				return Optional.of(updated);
			}
		}
		return Optional.empty();
	}

	synchronized List<SimulatedMessage> messages(String channel) {
		return List.copyOf(messages.getOrDefault(channel, List.of()));
	}

	synchronized List<SimulatedMessage> allMessages() {
		return messages.values().stream().flatMap(List::stream).toList();
	}

	/** Slack's ts: epoch seconds and a six-digit fraction, unique within the workspace. */
	synchronized String nextTs() {
		long micros = Math.max(clock.millis() * 1000, lastTsMicros + 1);
		lastTsMicros = micros;
		return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
	}
}

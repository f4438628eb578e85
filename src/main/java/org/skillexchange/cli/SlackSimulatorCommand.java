package org.skillexchange.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;
import org.skillexchange.slacksim.SimulatedUser;
import org.skillexchange.slacksim.SlackSimulator;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "slack-simulator", description = "Run a local Slack (Web API and Socket Mode) for trial and benchmarks,"
		+ " without starting the service.")
class SlackSimulatorCommand implements Callable<Integer> {

	@Option(names = "--port", defaultValue = "7080", description = "Web API port (default ${DEFAULT-VALUE}).")
	int port;

	@Option(names = "--socket-port", defaultValue = "0", description = "Socket Mode port (default: any free port).")
	int socketPort;

	@Option(names = "--seed-users", description = "YAML or JSON list of users: [{id, email, name, deleted}].")
	@Nullable Path seedUsers;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		List<SimulatedUser> users = seedUsers == null ? demoUsers() : readUsers(seedUsers);
		var simulator = SlackSimulator.start(SlackSimulator.options().port(port).socketPort(socketPort));
		users.forEach(simulator::addUser);
		var out = spec.commandLine().getOut();
		out.println("Slack simulator: Web API " + simulator.apiUrl() + ", Socket Mode ws://127.0.0.1:" + simulator.socketPort() + "/link/");
		out.println("Point the service at it with skillExchange.slack.apiUrl: " + simulator.apiUrl());
		out.println("Test tokens it accepts:");
		simulator.tokens().forEach(token -> out.println("  " + token.kind() + " " + token.value() + " scopes: "
				+ String.join(",", token.scopes())));
		out.println("Users: " + users.size() + (seedUsers == null ? " (demo users; --seed-users FILE for your own)" : ""));
		users.forEach(user -> out.println("  " + user.id() + " " + user.email() + (user.deleted() ? " (deactivated)" : "")));
		out.flush();
		var stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			stopped.countDown();
		}));
		stopped.await();
		return 0;
	}

	private static List<SimulatedUser> demoUsers() {
		return List.of(SimulatedUser.active("U0000000001", "ada@example.com", "ada"),
				SimulatedUser.active("U0000000002", "grace@example.com", "grace"),
				SimulatedUser.active("U0000000003", "linus@example.com", "linus"));
	}

	private List<SimulatedUser> readUsers(Path file) throws IOException {
		Object loaded;
		try (Reader reader = Files.newBufferedReader(file)) {
			loaded = new Yaml().load(reader);
		}
		if (!(loaded instanceof List<?> list)) {
			throw new ParameterException(spec.commandLine(), file + ": expected a list of users [{id, email, name, deleted}]");
		}
		return list.stream().map(item -> {
			if (!(item instanceof Map<?, ?> map) || map.get("id") == null || map.get("email") == null) {
				throw new ParameterException(spec.commandLine(), file + ": every user needs at least id and email");
			}
			String id = String.valueOf(map.get("id"));
			String email = String.valueOf(map.get("email"));
			String name = map.get("name") == null ? email.substring(0, email.indexOf('@') < 0 ? email.length() : email.indexOf('@'))
					: String.valueOf(map.get("name"));
			return new SimulatedUser(id, email, name, Boolean.TRUE.equals(map.get("deleted")));
		}).toList();
	}
}

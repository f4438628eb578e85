package org.skillexchange.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.skillexchange.config.AppConfigLoader;

class StartupSummaryTests {

	@Test
	void saysWhereItListensAndWhyEachChannelIsOff() {
		var config = new AppConfigLoader(Map.<String, String>of()::get).load(List.of(Path.of("examples/app-config.yaml")));

		var lines = StartupSummary.of(config, List.of("--server.port=8123")).lines();

		assertThat(lines).contains("  listens on port 8123; database: embedded H2 at ./data/skill-exchange",
				"  channel backstage: off (skillExchange.notifications.enabled is not true)",
				"  channel slack: off (no skillExchange.slack section)");
	}
}

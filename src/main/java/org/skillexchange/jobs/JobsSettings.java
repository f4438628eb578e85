package org.skillexchange.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code skillExchange.jobs}: whether this instance polls for due jobs, and how often. */
@ConfigurationProperties("skill-exchange.jobs")
record JobsSettings(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration pollInterval) {
}

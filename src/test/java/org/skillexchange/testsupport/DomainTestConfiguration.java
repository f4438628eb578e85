package org.skillexchange.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The movable clock domain tests step through time with. */
@TestConfiguration(proxyBeanMethods = false)
public class DomainTestConfiguration {

	@Bean
	@Primary
	MutableClock domainTestClock() {
		return MutableClock.startingAt("2026-11-16T09:00:00Z");
	}
}

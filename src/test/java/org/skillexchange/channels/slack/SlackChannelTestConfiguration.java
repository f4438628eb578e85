package org.skillexchange.channels.slack;

import org.skillexchange.testsupport.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The clock the simulator also runs on. */
@TestConfiguration(proxyBeanMethods = false)
class SlackChannelTestConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return SlackChannelTests.CLOCK;
	}
}

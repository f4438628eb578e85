package org.skillexchange.notifications;

import org.skillexchange.testsupport.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A movable clock and the recording channel, for the pipeline tests. */
@TestConfiguration(proxyBeanMethods = false)
class PipelineTestConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return MutableClock.startingAt("2026-12-01T10:00:00Z");
	}

	@Bean
	RecordingChannel recordingChannel() {
		return new RecordingChannel();
	}
}

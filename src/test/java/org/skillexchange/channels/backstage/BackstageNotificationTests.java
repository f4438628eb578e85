package org.skillexchange.channels.backstage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class BackstageNotificationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void readsIsoTimestampsAsPostgresBackedBackstageSendsThem() {
		var notification = BackstageNotification.of(JSON.readTree("""
				{"id":"n1","user":"user:default/jdoe","created":"2026-12-04T16:28:40.467Z","read":null,"saved":null,
				 "updated":"2026-12-04T16:29:00.000Z","origin":"external:skill-exchange","payload":{"title":"t"}}"""));

		assertThat(notification.created()).isEqualTo(Instant.parse("2026-12-04T16:28:40.467Z"));
		assertThat(notification.updated()).isEqualTo(Instant.parse("2026-12-04T16:29:00Z"));
		assertThat(notification.read()).isNull();
	}

	@Test
	void readsEpochMillisecondTimestampsAsSqliteBackedBackstageSendsThem() {
		var notification = BackstageNotification.of(JSON.readTree("""
				{"id":"n1","user":"user:default/jdoe","created":"2026-12-04T16:28:40.467Z","read":1796398086330,
				 "saved":"1796398086331","updated":1796398086332,"origin":"external:skill-exchange","payload":{"title":"t"}}"""));

		assertThat(notification.read()).isEqualTo(Instant.ofEpochMilli(1796398086330L));
		assertThat(notification.saved()).isEqualTo(Instant.ofEpochMilli(1796398086331L));
		assertThat(notification.updated()).isEqualTo(Instant.ofEpochMilli(1796398086332L));
	}

	@Test
	void broadcastHasNoUser() {
		var notification = BackstageNotification.of(JSON.readTree("""
				{"id":"n2","user":null,"created":"2026-12-04T16:28:40.467Z","origin":"external:x","payload":{"title":"t"}}"""));

		assertThat(notification.user()).isNull();
		assertThat(notification.id()).isEqualTo("n2");
	}
}

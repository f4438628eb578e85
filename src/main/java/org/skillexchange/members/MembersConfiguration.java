package org.skillexchange.members;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.skillexchange.config.SiteSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Chooses the source from {@code skillExchange.members.source} and keeps a catalog directory fresh. */
@Configuration(proxyBeanMethods = false)
class MembersConfiguration {

	@Bean
	CachingMemberDirectory memberDirectory(MembersSettings settings, SiteSettings.Backend backend, Environment environment,
			ObjectProvider<Clock> clock) {
		MemberSource source = switch (settings.source()) {
			case FILE -> new FileMemberSource(settings.file() == null ? Path.of("examples/org.yaml") : settings.file());
			case CATALOG -> new CatalogMemberSource(backend.baseUrl(), environment.getProperty("skill-exchange.backstage.token", ""));
		};
		return new CachingMemberDirectory(source, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	SmartLifecycle membersRefresher(CachingMemberDirectory directory, MembersSettings settings) {
		return new Refresher(directory, settings);
	}

	/** Re-reads the catalog every {@code refreshInterval}; a file source is read once. */
	static final class Refresher implements SmartLifecycle {

		private final CachingMemberDirectory directory;

		private final MembersSettings settings;

		private volatile ScheduledExecutorService executor;

		Refresher(CachingMemberDirectory directory, MembersSettings settings) {
			this.directory = directory;
			this.settings = settings;
		}

		@Override
		public void start() {
			if (settings.source() != MembersSettings.Source.CATALOG) {
				return;
			}
			executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "members-refresh");
				thread.setDaemon(true);
				return thread;
			});
			long interval = Math.max(1, settings.refreshInterval().toSeconds());
			executor.scheduleWithFixedDelay(directory::refresh, 0, interval, TimeUnit.SECONDS);
		}

		@Override
		public void stop() {
			if (executor != null) {
				executor.shutdownNow();
				executor = null;
			}
		}

		@Override
		public boolean isRunning() {
			return executor != null;
		}
	}
}

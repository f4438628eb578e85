package org.skillexchange.jobs;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The job runner, and the poller that asks it every {@code pollInterval} what is due. */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

	@Bean
	Jobs jobs(List<ScheduledJob> jobs, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		return new Jobs(jobs, jdbc, transactions, clock);
	}

	@Bean
	SmartLifecycle jobsPoller(Jobs jobs, JobsSettings settings) {
		return new Poller(jobs, settings);
	}

	static final class Poller implements SmartLifecycle {

		private final Jobs jobs;

		private final JobsSettings settings;

		private volatile ScheduledExecutorService executor;

		Poller(Jobs jobs, JobsSettings settings) {
			this.jobs = jobs;
			this.settings = settings;
		}

		@Override
		public void start() {
			if (!settings.enabled()) {
				return;
			}
			executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "scheduled-jobs");
				thread.setDaemon(true);
				return thread;
			});
			long millis = Math.max(100, settings.pollInterval().toMillis());
			executor.scheduleWithFixedDelay(jobs::runDue, millis, millis, TimeUnit.MILLISECONDS);
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

package org.skillexchange.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class MemberDirectoryFirstReadTests {

	private final CountDownLatch reading = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	/** A file-like source (not refreshable) whose first read takes until the test releases it. */
	private final MemberSource slowSource = new MemberSource() {

		@Override
		public Snapshot load() {
			reading.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return Snapshot.of(List.of(Map.of("kind", "User", "metadata", Map.of("name", "alice"))));
		}

		@Override
		public boolean refreshable() {
			return false;
		}
	};

	@Test
	void aCallerArrivingDuringTheFirstReadWaitsForItInsteadOfFindingNoOne() throws Exception {
		var directory = new CachingMemberDirectory(slowSource, Clock.systemUTC());
		var first = CompletableFuture.supplyAsync(() -> directory.find("user:default/alice"));
		assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

		var secondThread = new AtomicReference<Thread>();
		var second = CompletableFuture.supplyAsync(() -> {
			secondThread.set(Thread.currentThread());
			return directory.find("user:default/alice");
		});
		// Either the second caller already answered (from the empty snapshot) or it waits for the read.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> second.isDone() || (secondThread.get() != null && secondThread.get().getState() == Thread.State.BLOCKED));
		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).map(Member::ref).isEqualTo(Optional.of("user:default/alice"));
		assertThat(second.get(10, TimeUnit.SECONDS)).map(Member::ref).isEqualTo(Optional.of("user:default/alice"));
	}
}

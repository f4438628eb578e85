package org.skillexchange.channels.slack;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The budget in PostgreSQL, one for every instance on the database: Bucket4j's buckets in
 * {@code slack_rate_bucket} (each take is one short transaction holding the bucket's row with
 * {@code SELECT … FOR UPDATE}), and the 429 blocks in {@code slack_rate_block}.
 */
final class SharedSlackBudget implements SlackRateBudget {

	private final ProxyManager<String> buckets;

	private final JdbcClient jdbc;

	SharedSlackBudget(DataSource dataSource, Clock clock) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("slack_rate_bucket")
			.clientClock(SlackRateLimiter.timeMeter(clock))
			.build();
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Override
	public Bucket bucket(String key, Bandwidth shape) {
		return buckets.builder().build(key, () -> BucketConfiguration.builder().addLimit(shape).build());
	}

	@Override
	public Optional<Instant> blockedUntil(String method) {
		return jdbc.sql("select blocked_until from slack_rate_block where method = ?")
			.param(method)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	@Override
	public void block(String method, Instant until) {
		jdbc.sql("""
				insert into slack_rate_block (method, blocked_until) values (?, ?)
				on conflict (method) do update set blocked_until = greatest(slack_rate_block.blocked_until, excluded.blocked_until)
				""").params(method, Timestamp.from(until)).update();
	}
}

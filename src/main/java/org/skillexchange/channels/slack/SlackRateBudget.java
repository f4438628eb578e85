package org.skillexchange.channels.slack;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Where the Slack rate limiter keeps its buckets and the 429 blocks: in this process for H2 (one
 * embedded instance), in PostgreSQL where several instances share one database and so one budget.
 */
interface SlackRateBudget {

	/** The bucket under this key, made with {@code shape} if it does not exist yet. */
	Bucket bucket(String key, Bandwidth shape);

	/** Until when a 429 said to leave this method alone, if it ever did. */
	Optional<Instant> blockedUntil(String method);

	/** Leaves this method alone until {@code until}, or later if another 429 already said so. */
	void block(String method, Instant until);

	static SlackRateBudget forDatabase(DataSource dataSource, Clock clock) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return "PostgreSQL".equals(product) ? new SharedSlackBudget(dataSource, clock) : new LocalSlackBudget(clock);
		}
		catch (MetaDataAccessException e) {
			throw new IllegalStateException("cannot tell which database the Slack rate budget is kept in: " + e.getMessage(), e);
		}
	}
}

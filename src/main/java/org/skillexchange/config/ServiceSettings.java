package org.skillexchange.config;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code skillExchange.service}: where the service listens and which database it keeps its state in. */
@ConfigurationProperties("skill-exchange.service")
public record ServiceSettings(@DefaultValue("7077") int port, @DefaultValue Database database) {

	public enum Client {
		H2, PG;

		static Client parse(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}
	}

	/** {@code client: h2} with a file path, or {@code client: pg} with a URL or its parts. */
	public record Database(@DefaultValue("h2") String client, @Nullable Connection connection) {

		public Client clientType() {
			return Client.parse(client);
		}
	}

	/** Either one string (a file path for H2, a URL for PostgreSQL) or PostgreSQL's parts. */
	public record Connection(@Nullable String value, @Nullable String host, @Nullable Integer port,
			@Nullable String user, @Nullable String password, @Nullable String database) {

		static Connection of(String value) {
			return new Connection(value, null, null, null, null, null);
		}

		@Override
		public String toString() {
			return "Connection[" + (value != null ? Secrets.redactUrl(value) : host + ":" + port + "/" + database + " as " + user) + "]";
		}
	}
}

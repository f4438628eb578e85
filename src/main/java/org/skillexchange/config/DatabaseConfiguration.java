package org.skillexchange.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/** The database from {@code skillExchange.service.database}: embedded H2 by default, PostgreSQL with {@code client: pg}. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	static final String DEFAULT_H2_FILE = "./data/skill-exchange";

	@Bean
	DataSource dataSource(ServiceSettings settings) {
		var database = settings.database();
		var dataSource = new HikariDataSource();
		dataSource.setPoolName("skill-exchange");
		dataSource.setMaximumPoolSize(10);
		// The service is idle most of the time; holding ten connections per instance would starve a shared server.
		dataSource.setMinimumIdle(2);
		dataSource.setIdleTimeout(Duration.ofSeconds(60).toMillis());
		if (database.clientType() == ServiceSettings.Client.H2) {
			dataSource.setJdbcUrl(h2Url(database.connection()));
			dataSource.setUsername("sa");
		}
		else {
			applyPostgres(dataSource, database.connection());
		}
		return dataSource;
	}

	@Bean
	@ConfigurationPropertiesBinding
	static Converter<String, ServiceSettings.Connection> connectionFromString() {
		return new Converter<>() {
			@Override
			public ServiceSettings.Connection convert(String source) {
				return ServiceSettings.Connection.of(source);
			}
		};
	}

	static String h2Url(ServiceSettings.Connection connection) {
		String file = connection == null || connection.value() == null ? DEFAULT_H2_FILE : connection.value();
		if (file.startsWith("jdbc:h2:")) {
			return file;
		}
		String path = Path.of(file).toAbsolutePath().normalize().toString();
		return "jdbc:h2:file:" + path + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
	}

	private static void applyPostgres(HikariDataSource dataSource, ServiceSettings.Connection connection) {
		if (connection == null) {
			throw new InvalidConfig("skillExchange.service.database.connection: required with client pg; fix: give a URL"
					+ " such as postgresql://user@127.0.0.1:5432/skill_exchange or {host, port, user, password, database}");
		}
		if (connection.value() != null && connection.value().startsWith("jdbc:")) {
			dataSource.setJdbcUrl(connection.value());
		}
		else if (connection.value() != null) {
			URI uri = URI.create(connection.value());
			dataSource.setJdbcUrl("jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath()
					+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
			if (uri.getUserInfo() != null) {
				String[] userInfo = uri.getUserInfo().split(":", 2);
				dataSource.setUsername(userInfo[0]);
				if (userInfo.length > 1) {
					dataSource.setPassword(userInfo[1]);
				}
			}
		}
		else {
			dataSource.setJdbcUrl("jdbc:postgresql://" + (connection.host() == null ? "127.0.0.1" : connection.host()) + ":"
					+ (connection.port() == null ? 5432 : connection.port()) + "/"
					+ (connection.database() == null ? "skill_exchange" : connection.database()));
			dataSource.setUsername(connection.user());
			dataSource.setPassword(connection.password());
		}
	}
}

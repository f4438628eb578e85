package org.skillexchange.badinput;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.testsupport.PostgresDatabases;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service under attack: one Spring application on a fresh PostgreSQL database and a random port, shared by every
 * try of the JVM (dev mode on, a service token, a Slack signing secret, people from {@code examples/org.yaml}; the
 * delivery workers and scheduled jobs off, so that nothing but the request under test writes). Outward addresses
 * (Backstage's JWKS, Slack's API) point at a closed local port.
 */
final class BadInputApp {

	/** What one request did: the answer, and the database's fingerprint just before and just after it. */
	record Exchange(BadRequest request, RawHttp.Response response, Map<String, String> before, Map<String, String> after, long nanos) {
	}

	private static BadInputApp shared;

	final ConfigurableApplicationContext context;

	final List<Endpoint> endpoints;

	final IdPools ids = new IdPools();

	final BadRequests requests;

	private final RawHttp http;

	private final Connection database;

	private final String fingerprintQuery;

	private BadInputApp(ConfigurableApplicationContext context, String url) throws SQLException {
		this.context = context;
		this.endpoints = Endpoint.discover(context);
		this.requests = new BadRequests(endpoints, ids);
		this.http = new RawHttp(((WebServerApplicationContext) context).getWebServer().getPort());
		this.database = DriverManager.getConnection(url);
		this.fingerprintQuery = fingerprintQuery(database);
	}

	static synchronized BadInputApp shared() {
		if (shared == null) {
			String url = PostgresDatabases.fresh("badinput");
			ConfigurableApplicationContext context = SpringApplication.run(SkillExchangeApplication.class, "--server.port=0",
					"--skill-exchange.service.database.client=pg", "--skill-exchange.service.database.connection=" + url,
					"--skill-exchange.members.source=file", "--skill-exchange.members.file=examples/org.yaml",
					"--skill-exchange.jobs.enabled=false", "--skill-exchange.notifications.delivery.workers=false",
					"--skill-exchange.admin.post-cleanup-admins=user:default/admin", "--skill-exchange.auth.dev-mode.enabled=true",
					"--skill-exchange.auth.external-access[0].token=" + BadRequests.SERVICE_TOKEN,
					"--skill-exchange.auth.external-access[0].subject=badinput-bot",
					"--skill-exchange.slack.signing-secret=" + BadRequests.SIGNING_SECRET, "--skill-exchange.slack.mode=http",
					"--skill-exchange.slack.api-url=http://127.0.0.1:9/api/", "--backend.baseUrl=http://127.0.0.1:9");
			try {
				shared = new BadInputApp(context, url);
			}
			catch (SQLException e) {
				context.close();
				throw new IllegalStateException(e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(context::close, "badinput-app-close"));
		}
		return shared;
	}

	/** Sends valid requests to every endpoint, so that there are gigs, hacks, comments and notifications to name. */
	void warmUp(int rounds) {
		for (int round = 0; round < rounds; round++) {
			for (Endpoint endpoint : endpoints) {
				if (endpoint.method().equals("POST") || endpoint.method().equals("PUT")) {
					send(requests.validRequest(endpoint).sample());
				}
			}
		}
	}

	Exchange send(BadRequest request) {
		Map<String, String> before = fingerprint();
		long start = System.nanoTime();
		RawHttp.Response response = http.send(request);
		long nanos = System.nanoTime() - start;
		Map<String, String> after = fingerprint();
		if (response.status() >= 200 && response.status() < 300) {
			ids.harvest(request, response.body());
		}
		return new Exchange(request, response, before, after, nanos);
	}

	/**
	 * Per table, its row count and the sum of its rows' {@code xmin} (the transaction that last wrote each row): any
	 * committed insert, update or delete changes one or the other; a rolled-back write changes neither.
	 */
	Map<String, String> fingerprint() {
		try (var statement = database.createStatement(); var rows = statement.executeQuery(fingerprintQuery)) {
			Map<String, String> fingerprint = new TreeMap<>();
			while (rows.next()) {
				fingerprint.put(rows.getString(1), rows.getLong(2) + "/" + rows.getString(3));
			}
			return fingerprint;
		}
		catch (SQLException e) {
			throw new IllegalStateException("fingerprint of the database failed", e);
		}
	}

	Endpoint endpoint(String name) {
		return endpoints.stream().filter(endpoint -> endpoint.name().equals(name)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no endpoint " + name));
	}

	List<String> tables() {
		return List.copyOf(fingerprint().keySet());
	}

	private static String fingerprintQuery(Connection database) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (var statement = database.createStatement();
				var rows = statement.executeQuery("select table_name from information_schema.tables where table_schema = 'public' "
						+ "and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by table_name")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables.stream()
			.map(table -> "select '" + table + "', count(*), coalesce(sum(xmin::text::bigint), 0)::text from \"" + table + "\"")
			.collect(Collectors.joining(" union all "));
	}
}

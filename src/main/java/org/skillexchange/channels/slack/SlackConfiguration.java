package org.skillexchange.channels.slack;

import java.net.URI;
import java.time.Clock;

import javax.sql.DataSource;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The one shared SDK client, pointed at {@code skillExchange.slack.apiUrl} and closed on shutdown; and
 * the rate limiter, its budget shared through the database when that is PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class SlackConfiguration {

	@Bean(destroyMethod = "close")
	Slack slack(SlackSettings settings) {
		return client(settings);
	}

	@Bean
	@Conditional(SlackConfigured.class)
	SlackRateLimiter slackRateLimiter(DataSource dataSource, Clock clock) {
		return new SlackRateLimiter(SlackRateBudget.forDatabase(dataSource, clock), clock);
	}

	static Slack client(SlackSettings settings) {
		var config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(settings.apiUrl());
		String host = URI.create(settings.apiUrl()).getHost();
		if ("127.0.0.1".equals(host) || "localhost".equals(host)) {
			// The SDK applies HTTP(S)_PROXY even to loopback (it ignores NO_PROXY).
			config.setProxyUrl(null);
		}
		// Stats would make hidden auth.test calls per token.
		config.setStatsEnabled(false);
		int timeout = (int) settings.timeout().toMillis();
		config.setHttpClientReadTimeoutMillis(timeout);
		config.setHttpClientWriteTimeoutMillis(timeout);
		config.setHttpClientCallTimeoutMillis(timeout * 2);
		// OkHttp resends a request whose reused connection broke, unseen by the SDK: a post Slack had already
		// done would arrive twice. Without that, the break reaches SlackChannel as an unanswered post, which it
		// looks up in the DM before posting again.
		var http = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(config).newBuilder().retryOnConnectionFailure(false).build());
		return Slack.getInstance(config, http);
	}
}

package org.skillexchange.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.slack.api.Slack;
import com.slack.api.util.http.SlackHttpClient;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.skillexchange.slacksim.RecordedRequest;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The service's side of every Slack call: when our client sent it and when (and how) the answer came
 * back. Each call carries its number as the query parameter {@value #PARAM}, which the simulator
 * records with the other parameters, so the two records join. Installed around the service's own SDK
 * client (its timeouts and connection settings unchanged) by {@link #wrapping()}.
 */
final class SlackCallLog implements Interceptor {

	static final String PARAM = "skx_call";

	/**
	 * One call as our client saw it: {@code status} 0 when no answer came ({@code failure} says why).
	 * OkHttp may send a call more than once (it retries a broken connection by itself); the simulator
	 * then has several records with this number.
	 */
	record Call(long number, String method, Instant sentAt, Instant endedAt, int status, @Nullable String failure) {
	}

	private final AtomicLong numbers = new AtomicLong();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	@Override
	public Response intercept(Chain chain) throws IOException {
		long number = numbers.incrementAndGet();
		var request = chain.request();
		String path = request.url().encodedPath();
		String method = path.substring(path.lastIndexOf('/') + 1);
		var numbered = request.newBuilder().url(request.url().newBuilder().addQueryParameter(PARAM, String.valueOf(number)).build()).build();
		Instant sent = Instant.now();
		try {
			Response response = chain.proceed(numbered);
			calls.add(new Call(number, method, sent, Instant.now(), response.code(), null));
			return response;
		}
		catch (IOException e) {
			calls.add(new Call(number, method, sent, Instant.now(), 0, e.getClass().getSimpleName()));
			throw e;
		}
	}

	List<Call> calls() {
		return List.copyOf(calls);
	}

	Map<Long, Call> byNumber() {
		return calls.stream().collect(Collectors.toMap(Call::number, Function.identity()));
	}

	void clear() {
		calls.clear();
	}

	/** The call number a simulator record carries; -1 for a request that did not come through this log. */
	static long numberOf(RecordedRequest request) {
		String value = request.params().get(PARAM);
		return value == null ? -1 : Long.parseLong(value);
	}

	/** Replaces the service's {@link Slack} bean with the same client plus this log. */
	BeanPostProcessor wrapping() {
		var log = this;
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof Slack slack)) {
					return bean;
				}
				var client = new SlackHttpClient(slack.getHttpClient().getOkHttpClient().newBuilder().addInterceptor(log).build());
				client.setConfig(slack.getConfig());
				return Slack.getInstance(slack.getConfig(), client);
			}
		};
	}
}

package org.skillexchange.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.skillexchange.SkillExchangeApplication;
import org.skillexchange.config.AppConfig;
import org.skillexchange.config.AppConfigPropertySource;
import org.skillexchange.notifications.Deliveries;
import org.skillexchange.notifications.DeliveryStatus;
import org.skillexchange.notifications.DeliveryView;
import org.skillexchange.notifications.NotificationRequest;
import org.skillexchange.notifications.NotificationType;
import org.skillexchange.notifications.Notifications;
import org.skillexchange.notifications.spi.NotificationChannel;
import org.skillexchange.templates.Templates;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Records one {@code test} notification for a person and delivers it through every enabled channel
 * right here (no web server, no background workers), then reports each channel's outcome. Exit 1
 * when an enabled channel did not deliver.
 */
@Command(name = "send-test", description = "Send a test notification to one person through every enabled channel and report"
		+ " each outcome. Exit code 1 when a channel did not deliver.")
class SendTestCommand implements Callable<Integer> {

	static final int NOT_DELIVERED = 1;

	private static final Set<DeliveryStatus> FINAL = EnumSet.of(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED,
			DeliveryStatus.SKIPPED);

	@Option(names = "--to", required = true, paramLabel = "user:default/NAME", description = "Who gets the test notification.")
	String to;

	@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
			description = "How long to wait for the channels, retries included (default ${DEFAULT-VALUE} s).")
	int timeoutSeconds;

	@Mixin
	ConfigOptions options;

	@Unmatched
	List<String> springArguments = new ArrayList<>();

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws InterruptedException {
		AppConfig config = options.load();
		Templates.load(config.toProperties());
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = start(config)) {
			Clock clock = context.getBean(Clock.class);
			List<NotificationChannel> channels = context.getBeanProvider(NotificationChannel.class).orderedStream().toList();
			for (NotificationChannel channel : channels) {
				if (!channel.status().enabled()) {
					out.println("- " + channel.id() + ": off, " + channel.status().detail());
				}
			}
			Instant sent = clock.instant();
			var id = context.getBean(Notifications.class).record(NotificationRequest.of(NotificationType.TEST).to(to).build());
			if (id.isEmpty()) {
				out.println("✗ nobody to notify: " + to + " is not a user ref");
				return NOT_DELIVERED;
			}
			out.println("sent test notification " + id.get() + " to " + to + "; waiting up to " + timeoutSeconds + " s…");
			out.flush();
			List<DeliveryView> deliveries = await(context.getBean(Deliveries.class), id.get(), clock, sent.plusSeconds(timeoutSeconds));
			if (deliveries.isEmpty()) {
				out.println("✗ no channel is enabled: nothing was sent");
				return NOT_DELIVERED;
			}
			boolean allDelivered = true;
			for (DeliveryView delivery : deliveries) {
				out.println(line(delivery, sent, clock));
				allDelivered &= delivery.status() == DeliveryStatus.DELIVERED;
			}
			out.println(allDelivered ? "Delivered on every enabled channel." : "Not delivered on every enabled channel.");
			out.flush();
			return allDelivered ? 0 : NOT_DELIVERED;
		}
	}

	private ConfigurableApplicationContext start(AppConfig config) {
		var application = new SpringApplication(SkillExchangeApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers(new AppConfigPropertySource(config));
		List<String> arguments = new ArrayList<>(springArguments);
		// This command delivers by hand, and only posts: no background workers, no Socket Mode link.
		arguments.add("--skill-exchange.notifications.delivery.workers=false");
		if (config.get("skillExchange.slack").isPresent()) {
			arguments.add("--skill-exchange.slack.mode=http");
		}
		arguments.add("--logging.level.org.skillexchange=WARN");
		return application.run(arguments.toArray(String[]::new));
	}

	/** Delivers what is due until every delivery is final or the deadline passes; the deliveries by channel. */
	private static List<DeliveryView> await(Deliveries engine, UUID notification, Clock clock, Instant deadline)
			throws InterruptedException {
		List<DeliveryView> deliveries = engine.forNotification(notification);
		while (!deliveries.stream().allMatch(d -> FINAL.contains(d.status())) && clock.instant().isBefore(deadline)) {
			if (engine.deliverDue() == 0) {
				// Nothing due yet: a retry waits for its backoff. Look again shortly.
				Thread.sleep(200);
			}
			deliveries = engine.forNotification(notification);
		}
		return deliveries.stream().sorted(Comparator.comparing(DeliveryView::channel)).toList();
	}

	static String line(DeliveryView delivery, Instant sent, Clock clock) {
		Instant end = delivery.completedAt() != null ? delivery.completedAt() : clock.instant();
		String took = " (" + Duration.between(sent, end).toMillis() + " ms)";
		return switch (delivery.status()) {
			case DELIVERED -> "✓ " + delivery.channel() + ": delivered, " + reference(delivery) + took;
			case SKIPPED -> "✗ " + delivery.channel() + ": skipped, " + delivery.lastError() + took;
			case FAILED -> "✗ " + delivery.channel() + ": failed after " + delivery.attempts() + " attempt(s), " + delivery.lastError()
					+ took;
			case PENDING, SENDING -> "✗ " + delivery.channel() + ": not delivered in time after " + delivery.attempts()
					+ " attempt(s)" + (delivery.lastError() == null ? "" : ", last error: " + delivery.lastError()) + took;
		};
	}

	/** The Backstage notification id, or the Slack channel, ts and message link. */
	private static String reference(DeliveryView delivery) {
		String reference = delivery.reference();
		if (reference == null) {
			return "no reference";
		}
		int slash = reference.indexOf('/');
		if ("slack".equals(delivery.channel()) && slash > 0) {
			String channel = reference.substring(0, slash);
			String ts = reference.substring(slash + 1);
			return "channel " + channel + ", ts " + ts + ", https://slack.com/archives/" + channel + "/p" + ts.replace(".", "");
		}
		return "id " + reference;
	}
}

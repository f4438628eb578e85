package org.skillexchange.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where the service listens once it accepts requests. */
@Component
class ReadyAnnouncer {

	private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncer.class);

	@EventListener
	void on(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			int port = web.getWebServer().getPort();
			log.info("Skill Exchange is ready on http://localhost:{} (health: http://localhost:{}/actuator/health)", port, port);
		}
	}
}

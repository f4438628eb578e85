package org.skillexchange.platform;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.skillexchange.config.Secrets;

/** Log message layout that masks any secret loaded from config, should one ever be logged by a library. */
public class SecretMaskingConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return Secrets.mask(super.convert(event));
	}
}

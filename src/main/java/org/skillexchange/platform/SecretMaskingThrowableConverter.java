package org.skillexchange.platform;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.skillexchange.config.Secrets;

/** Stack traces pass through the same masking as messages: an exception may quote a URL or header with a secret. */
public class SecretMaskingThrowableConverter extends ThrowableProxyConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return Secrets.mask(super.convert(event));
	}
}

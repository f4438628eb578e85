package org.skillexchange.notifications.spi;

/** Whether a channel is configured to send, and why not when it is not. */
public record ChannelStatus(boolean enabled, String detail) {

	public static ChannelStatus on(String detail) {
		return new ChannelStatus(true, detail);
	}

	public static ChannelStatus off(String reason) {
		return new ChannelStatus(false, reason);
	}
}

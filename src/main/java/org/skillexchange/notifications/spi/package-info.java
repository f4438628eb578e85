/**
 * What a channel implements: it receives one delivery and answers with an outcome value. Channels
 * depend on this package; the engine never depends on a channel.
 */
@org.springframework.modulith.NamedInterface("spi")
@org.jspecify.annotations.NullMarked
package org.skillexchange.notifications.spi;

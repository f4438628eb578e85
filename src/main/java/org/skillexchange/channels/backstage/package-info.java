/** The Backstage channel: sends each delivery to the organisation's Backstage notifications backend. */
@org.springframework.modulith.NamedInterface("backstage")
@org.jspecify.annotations.NullMarked
package org.skillexchange.channels.backstage;

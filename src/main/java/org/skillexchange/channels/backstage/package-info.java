/** The Backstage channel: sends each delivery to the organisation's Backstage notifications backend. */
@org.jspecify.annotations.NullMarked
package org.skillexchange.channels.backstage;

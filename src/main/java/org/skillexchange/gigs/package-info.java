/** Embeds and mentorships ("gigs"), and connections: who is interested in a gig and what the post side decided. */
@org.jspecify.annotations.NullMarked
package org.skillexchange.gigs;

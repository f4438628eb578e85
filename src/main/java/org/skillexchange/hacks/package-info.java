/** Hack projects: members, point of contact, followers, comments, inquiries and the followers' digest. */
@org.jspecify.annotations.NullMarked
package org.skillexchange.hacks;

package org.skillexchange.hacks;

/** Where a hack stands; an {@code UNCLAIMED} suggestion can be claimed by someone to lead it. */
public enum HackStatus {
	UNCLAIMED, LOOKING_FOR_MEMBERS, IN_PROGRESS, PAUSED, COMPLETE, DROPPED, FAILURE, SHIPPED
}

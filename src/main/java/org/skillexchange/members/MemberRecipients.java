package org.skillexchange.members;

import java.util.List;

import org.skillexchange.notifications.spi.RecipientDirectory;
import org.springframework.stereotype.Component;

/** Lets the notification recorder expand group refs and broadcasts through this directory. */
@Component
class MemberRecipients implements RecipientDirectory {

	private final MemberDirectory directory;

	MemberRecipients(MemberDirectory directory) {
		this.directory = directory;
	}

	@Override
	public List<String> membersOf(String groupRef) {
		return directory.expandGroup(groupRef);
	}

	@Override
	public List<String> everyone() {
		return directory.all().stream().map(Member::ref).toList();
	}
}

package org.skillexchange.hacks;

import java.util.UUID;

/** No comment with this id. */
public class CommentNotFound extends RuntimeException {

	private final UUID commentId;

	public CommentNotFound(UUID commentId) {
		super("No comment " + commentId);
		this.commentId = commentId;
	}

	public UUID commentId() {
		return commentId;
	}
}

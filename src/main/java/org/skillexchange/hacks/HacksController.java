package org.skillexchange.hacks;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.skillexchange.auth.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hacks, their members and followers, comments and inquiries. */
@RestController
@RequestMapping("/api/skill-exchange/hacks")
class HacksController {

	private final Hacks hacks;

	HacksController(Hacks hacks) {
		this.hacks = hacks;
	}

	@GetMapping
	HackPage list(Caller caller, @RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		HacksWeb.checkPage(page, size);
		return hacks.list(status == null ? null : HacksWeb.parse(HackStatus.class, status, "status"), page, size);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Hack create(Caller caller, @Valid @RequestBody HacksWeb.HackBody body) {
		return hacks.create(HacksWeb.user(caller), body.toDraft());
	}

	@GetMapping("/{id}")
	Hack get(Caller caller, @PathVariable UUID id) {
		return hacks.get(id);
	}

	@PutMapping("/{id}")
	Hack update(Caller caller, @PathVariable UUID id, @Valid @RequestBody HacksWeb.HackBody body) {
		return hacks.update(HacksWeb.user(caller), id, body.toDraft());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Caller caller, @PathVariable UUID id) {
		hacks.delete(HacksWeb.user(caller), id);
	}

	@PostMapping("/{id}/claim")
	Hack claim(Caller caller, @PathVariable UUID id) {
		return hacks.claim(HacksWeb.user(caller), id);
	}

	@PostMapping("/{id}/members")
	Hack addMember(Caller caller, @PathVariable UUID id, @Valid @RequestBody HacksWeb.MemberBody body) {
		return hacks.addMember(HacksWeb.user(caller), id, body.member());
	}

	@PostMapping("/{id}/followers")
	Hack follow(Caller caller, @PathVariable UUID id) {
		return hacks.follow(HacksWeb.user(caller), id);
	}

	@DeleteMapping("/{id}/followers")
	Hack unfollow(Caller caller, @PathVariable UUID id) {
		return hacks.unfollow(HacksWeb.user(caller), id);
	}

	@GetMapping("/{id}/comments")
	List<HackComment> comments(Caller caller, @PathVariable UUID id) {
		return hacks.comments(id);
	}

	@PostMapping("/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	HackComment comment(Caller caller, @PathVariable UUID id, @Valid @RequestBody HacksWeb.CommentBody body) {
		return hacks.comment(HacksWeb.user(caller), id, body.message(), body.replyingTo());
	}

	@PutMapping("/{id}/comments/{commentId}")
	HackComment editComment(Caller caller, @PathVariable UUID id, @PathVariable UUID commentId,
			@Valid @RequestBody HacksWeb.CommentBody body) {
		if (hacks.comments(id).stream().noneMatch(c -> c.id().equals(commentId))) {
			throw new CommentNotFound(commentId);
		}
		return hacks.editComment(HacksWeb.user(caller), commentId, body.message());
	}

	@PostMapping("/{id}/inquiries")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void inquire(Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false) HacksWeb.@Nullable InquiryBody body) {
		hacks.inquire(HacksWeb.user(caller), id, body == null ? null : body.message());
	}
}

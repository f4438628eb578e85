package org.skillexchange.gigs;

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

/** Embeds and mentorships, their status, and connections (inquiries) with the post side's decisions. */
@RestController
@RequestMapping("/api/skill-exchange/gigs")
class GigsController {

	private final Gigs gigs;

	GigsController(Gigs gigs) {
		this.gigs = gigs;
	}

	@GetMapping
	GigPage list(Caller caller, @RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		GigsWeb.checkPage(page, size);
		return gigs.list(type == null ? null : GigsWeb.parse(GigType.class, type, "type"),
				status == null ? null : GigsWeb.parse(GigStatus.class, status, "status"), page, size);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Gig create(Caller caller, @Valid @RequestBody GigsWeb.GigBody body) {
		return gigs.create(GigsWeb.user(caller), body.toDraft());
	}

	@GetMapping("/{id}")
	Gig get(Caller caller, @PathVariable UUID id) {
		return gigs.get(id);
	}

	@PutMapping("/{id}")
	Gig update(Caller caller, @PathVariable UUID id, @Valid @RequestBody GigsWeb.GigBody body) {
		return gigs.update(GigsWeb.user(caller), id, body.toDraft());
	}

	@PutMapping("/{id}/status")
	Gig changeStatus(Caller caller, @PathVariable UUID id, @Valid @RequestBody GigsWeb.StatusBody body) {
		return gigs.changeStatus(GigsWeb.user(caller), id, GigsWeb.parse(GigStatus.class, body.status(), "status"));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Caller caller, @PathVariable UUID id) {
		gigs.delete(GigsWeb.user(caller), id);
	}

	/** Owners and the contact see every connection; anyone else sees only their own. */
	@GetMapping("/{id}/connections")
	List<Connection> connections(Caller caller, @PathVariable UUID id) {
		return gigs.connections(GigsWeb.user(caller), id);
	}

	@PostMapping("/{id}/connections")
	@ResponseStatus(HttpStatus.CREATED)
	Connection connect(Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false) GigsWeb.@Nullable ConnectBody body) {
		return gigs.connect(GigsWeb.user(caller), id, body == null ? null : body.message());
	}

	@PutMapping("/{id}/connections/{connectionId}/status")
	Connection changeConnection(Caller caller, @PathVariable UUID id, @PathVariable UUID connectionId,
			@Valid @RequestBody GigsWeb.StatusBody body) {
		requireOnGig(id, connectionId);
		return gigs.changeConnection(GigsWeb.user(caller), connectionId,
				GigsWeb.parse(ConnectionStatus.class, body.status(), "status"));
	}

	@PostMapping("/{id}/connections/{connectionId}/stop-reminders")
	Connection stopReminders(Caller caller, @PathVariable UUID id, @PathVariable UUID connectionId) {
		requireOnGig(id, connectionId);
		return gigs.stopReminders(GigsWeb.user(caller), connectionId);
	}

	private void requireOnGig(UUID gigId, UUID connectionId) {
		if (!gigs.connectionBelongsTo(connectionId, gigId)) {
			throw new ConnectionNotFound(connectionId);
		}
	}
}

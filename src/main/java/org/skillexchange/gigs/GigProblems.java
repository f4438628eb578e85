package org.skillexchange.gigs;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for what the gigs module refuses (404 and 409; 400 and 403 come from their base types). */
@RestControllerAdvice
class GigProblems {

	@ExceptionHandler
	ProblemDetail on(GigNotFound notFound) {
		return problem(HttpStatus.NOT_FOUND, "Gig not found", notFound.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(ConnectionNotFound notFound) {
		return problem(HttpStatus.NOT_FOUND, "Connection not found", notFound.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(GigNotOpen notOpen) {
		return problem(HttpStatus.CONFLICT, "Gig not open", notOpen.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}
}

package org.skillexchange.hacks;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for what the hacks module refuses (404 and 409; 400 and 403 come from their base types). */
@RestControllerAdvice
class HackProblems {

	@ExceptionHandler
	ProblemDetail on(HackNotFound notFound) {
		return problem(HttpStatus.NOT_FOUND, "Hack not found", notFound.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(CommentNotFound notFound) {
		return problem(HttpStatus.NOT_FOUND, "Comment not found", notFound.getMessage());
	}

	@ExceptionHandler
	ProblemDetail on(HackNotAdoptable notAdoptable) {
		return problem(HttpStatus.CONFLICT, "Hack not adoptable", notAdoptable.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}
}

package org.skillexchange.members;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A request that acts as, or on, someone the directory does not know. */
@RestControllerAdvice
class MemberProblems {

	@ExceptionHandler
	ProblemDetail on(MemberNotFound notFound) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				notFound.getMessage() + "; people come from skillExchange.members (the Backstage catalog or a file)");
		problem.setTitle("Unknown member");
		problem.setProperty("ref", notFound.ref());
		return problem;
	}
}

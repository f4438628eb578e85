package org.skillexchange.notifications;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class NotificationProblems {

	@ExceptionHandler
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail on(NotificationNotFound notFound) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
		problem.setTitle("Notification not found");
		return problem;
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	ProblemDetail on(RecipientNotResolvable unresolvable) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, unresolvable.getMessage());
		problem.setTitle("Recipient cannot be resolved");
		problem.setProperty("ref", unresolvable.ref());
		return problem;
	}
}

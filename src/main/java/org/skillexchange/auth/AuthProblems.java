package org.skillexchange.auth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 401 for missing or bad credentials, 403 for a known caller who may not act. */
@RestControllerAdvice
class AuthProblems {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(AuthenticationFailed failed) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, failed.getMessage());
		problem.setTitle("Not authenticated");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer").body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(AccessDenied denied) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, denied.getMessage());
		problem.setTitle("Not allowed");
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}
}

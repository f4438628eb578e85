package org.skillexchange.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error path the container forwards to (a status set outside Spring MVC, an exception no handler took), answered
 * as problem details like every other error, whatever the caller accepts. Requested directly, {@code /error} is an
 * unknown path (Spring Boot's own error controller answers that with a 500).
 */
@RestController
class ErrorProblems implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(code instanceof Integer statusCode)) {
			return answer(HttpStatus.NOT_FOUND, "No endpoint " + request.getMethod() + " " + request.getRequestURI());
		}
		HttpStatus status = HttpStatus.resolve(statusCode);
		if (status == null || status.is5xxServerError() || !status.isError()) {
			// The cause is in the log under the request id; an exception's message is not for callers.
			return answer(status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR,
					"The service failed to answer this request; its log has the cause under the response's X-Request-Id");
		}
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		return answer(status, message instanceof String text && !text.isBlank() ? text : status.getReasonPhrase());
	}

	private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		// A preset content type is kept as it is: a caller that accepts no JSON still learns what went wrong.
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}

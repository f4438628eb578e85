package org.skillexchange.platform;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Problem details for requests that cannot be read or fail bean validation, naming the fields at fault. */
@RestControllerAdvice
class MalformedRequestHandler extends ResponseEntityExceptionHandler {

	private static final int MAX_ERRORS = 20;

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		List<FieldError> fieldErrors = ex.getBindingResult().getFieldErrors();
		// A list of 300,000 bad items has 600,000 errors; naming the first few says what is wrong without a huge answer.
		List<Map<String, String>> errors = fieldErrors.stream()
			.limit(MAX_ERRORS)
			.map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		String more = fieldErrors.size() > MAX_ERRORS ? "; and " + (fieldErrors.size() - MAX_ERRORS) + " more" : "";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.isEmpty() ? "invalid request"
				: errors.stream().map(error -> error.get("field") + ": " + error.get("message")).collect(Collectors.joining("; ")) + more);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(InvalidField invalid) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "message",
				invalid.getMessage().substring(invalid.field().length() + 2))));
		return ResponseEntity.badRequest().body(problem);
	}

	/** Query or form parameters the container cannot decode (bad percent-encoding, a form body over its size limit). */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(InvalidParameterException invalid) {
		HttpStatus status = invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		String message = String.valueOf(invalid.getMessage());
		int sentence = message.indexOf(". ");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The query string or form body cannot be read as parameters: "
				+ (sentence < 0 ? message : message.substring(0, sentence + 1)));
		problem.setTitle("Unreadable request parameters");
		return ResponseEntity.status(status).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON for this endpoint: " + rootMessage(ex));
		problem.setTitle("Unreadable request body");
		return ResponseEntity.badRequest().body(problem);
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		String message = String.valueOf(cause.getMessage());
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}
}

package org.dues.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.dues.shared.ConflictException;
import org.dues.shared.CurrencyMismatchException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.NotFoundException;
import org.dues.shared.NotPermittedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the HTTP API (anything under {@code /api/}, including unknown
 * paths and wrong methods) into an RFC 9457 problem detail with a specific {@code detail}
 * and, for bad input, an {@code errors} list naming each field. No stack trace leaves the
 * server.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex, HttpServletRequest request) {
		apiOnly(ex, request);
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), List.of());
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex, HttpServletRequest request) {
		apiOnly(ex, request);
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", ex.getMessage(), ex.errors());
	}

	@ExceptionHandler(CurrencyMismatchException.class)
	ProblemDetail currency(CurrencyMismatchException ex, HttpServletRequest request) {
		apiOnly(ex, request);
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", "currency: " + ex.getMessage(),
				List.of(new FieldError("currency", ex.getMessage())));
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex, HttpServletRequest request) {
		apiOnly(ex, request);
		return problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage(), List.of());
	}

	@ExceptionHandler(NotPermittedException.class)
	ProblemDetail notPermitted(NotPermittedException ex, HttpServletRequest request) {
		apiOnly(ex, request);
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage(), List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		apiOnly(ex, request);
		String message = "'%s' is not a valid %s".formatted(ex.getValue(),
				ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName());
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", ex.getName() + ": " + message,
				List.of(new FieldError(ex.getName(), message)));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex, HttpServletRequest request) {
		apiOnly(ex, request);
		return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.", List.of());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, HttpServletRequest request) throws Exception {
		if (!isApi(request)) {
			throw ex;
		}
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The server could not complete the request; it has been logged.", List.of());
	}

	/**
	 * Spring MVC's own exceptions (unknown path, wrong method, ...): problem details for
	 * the API; elsewhere the exception goes on to Spring Boot's error pages.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && !isApi(servlet.getRequest())) {
			throw ApiProblems.<RuntimeException>propagate(ex);
		}
		ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (answer != null && answer.getBody() instanceof ProblemDetail problem
				&& Problems.internal(problem.getDetail())) {
			problem.setDetail(Problems.generic(statusCode.value()));
		}
		return answer;
	}

	/** Outside the API an exception goes on to the page error handling. */
	private static void apiOnly(Exception ex, HttpServletRequest request) {
		if (!isApi(request)) {
			throw ApiProblems.<RuntimeException>propagate(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static <E extends Exception> E propagate(Exception ex) throws E {
		throw (E) ex;
	}

	private static boolean isApi(HttpServletRequest request) {
		return Problems.isApi(request);
	}

	/**
	 * A request record that broke its Bean Validation constraints: each violation names
	 * its field (a class-level constraint names the field it concerns), sorted so the
	 * answer is the same each time.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(fieldErrors(ex.getBindingResult().getAllErrors()));
	}

	/**
	 * Method validation (a constraint on a parameter itself, or on a request record of a
	 * {@code @Validated} controller): the same answer, a parameter named by its own name.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors bean) {
				errors.addAll(fieldErrors(bean.getAllErrors()));
			}
			else {
				String name = result.getMethodParameter().getParameterName();
				for (MessageSourceResolvable error : result.getResolvableErrors()) {
					errors.add(new FieldError((name == null) ? "request" : name,
							String.valueOf(error.getDefaultMessage())));
				}
			}
		}
		return invalid(errors);
	}

	private static List<FieldError> fieldErrors(List<? extends ObjectError> all) {
		return all.stream()
			.map((e) -> new FieldError(
					(e instanceof org.springframework.validation.FieldError field) ? field.getField() : "request",
					String.valueOf(e.getDefaultMessage())))
			.distinct()
			.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
			.toList();
	}

	private static ResponseEntity<Object> invalid(List<FieldError> errors) {
		String detail = errors.stream()
			.map((e) -> e.field() + ": " + e.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("invalid request");
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid input", detail, errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (find(ex, BodyTooLargeException.class) != null) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(problem(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large",
						"The request body is larger than Dues accepts.", List.of()));
		}
		JacksonException jackson = findJackson(ex);
		if (jackson != null && !jackson.getPath().isEmpty()) {
			String field = fieldPath(jackson.getPath());
			String message;
			if (jackson instanceof JsonInputChecks.RefusedValue refused) {
				message = refused.reason();
			}
			else if (jackson instanceof UnrecognizedPropertyException) {
				message = "is not a field of this request";
			}
			else if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
				message = "must be " + describe(mismatch.getTargetType());
			}
			else {
				message = Problems.safe("cannot be read: " + jackson.getOriginalMessage(), "cannot be read");
			}
			return ResponseEntity.badRequest()
				.body(problem(HttpStatus.BAD_REQUEST, "Invalid input", field + ": " + message,
						List.of(new FieldError(field, message))));
		}
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "Unreadable request",
					"The request body is missing or is not valid JSON.", List.of()));
	}

	private static <T extends Throwable> @Nullable T find(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static @Nullable JacksonException findJackson(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	private static String describe(Class<?> type) {
		if (type == String.class) {
			return "a string";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		return "an object";
	}

	private static String fieldPath(List<JacksonException.Reference> path) {
		StringBuilder out = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (!out.isEmpty()) {
					out.append('.');
				}
				out.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				out.append('[').append(reference.getIndex()).append(']');
			}
		}
		return out.toString();
	}

	/**
	 * A problem detail; a detail or field message that would show something internal (a
	 * class or exception name, a file path, the database's own words) is replaced by a
	 * general one.
	 */
	static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail, List<FieldError> errors) {
		String general = Problems.generic(status.value());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				Problems.safe(detail == null ? title : detail, general));
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors",
					errors.stream()
						.map((e) -> Map.of("field", Problems.safe(e.field(), "?"), "message",
								Problems.safe(e.message(), "is not valid")))
						.toList());
		}
		return problem;
	}

}

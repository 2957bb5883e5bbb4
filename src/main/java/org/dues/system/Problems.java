package org.dues.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dues.shared.InvalidInputException.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Problem details written straight to a response, for answers given before Spring MVC
 * (servlet filters, the container's error valve), and the rule for what no detail may
 * show: class names, exception names, a method named by its class (as Jackson's limits
 * do: {@code StreamReadConstraints.getMaxNestingDepth()}), server file paths or the
 * database's messages.
 */
final class Problems {

	/** Request attribute carrying a specific detail to the error page. */
	static final String DETAIL = Problems.class.getName() + ".detail";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern INTERNAL = Pattern
		.compile("\\b(?:java|javax|jakarta|org|com|tools|sun|jdk)\\.[a-z0-9_]+\\.[\\w.$]+"
				+ "|\\b[A-Z]\\w*\\.[a-z]\\w*\\(|\\b\\w*Exception\\b|\\b[A-Z]\\w*[a-z]Error\\b|\\bERROR: |SQL ?[Ss]tate|\\bat [\\w.$]+\\("
				+ "|(?<![\\w/.:-])/(?:home|tmp|work|var|usr|etc|opt|root|srv|data|proc|mnt|Users)/|\\b[A-Za-z]:\\\\\\w");

	private Problems() {
	}

	/** Whether a request is for the HTTP API (problem details) rather than a page. */
	static boolean isApi(@Nullable String uri, @Nullable String contextPath) {
		if (uri == null) {
			return false;
		}
		String path = (contextPath != null && uri.startsWith(contextPath)) ? uri.substring(contextPath.length()) : uri;
		return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/webhooks/");
	}

	static boolean isApi(HttpServletRequest request) {
		return isApi(request.getRequestURI(), request.getContextPath());
	}

	/** Whether a text shows something internal, and must not leave the server. */
	static boolean internal(@Nullable String text) {
		return text != null && INTERNAL.matcher(text).find();
	}

	/** The text itself, or {@code fallback} when it shows something internal. */
	static @Nullable String safe(@Nullable String text, @Nullable String fallback) {
		return (text == null || internal(text)) ? fallback : text;
	}

	static String json(int status, String title, String detail, List<FieldError> errors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		if (!errors.isEmpty()) {
			body.put("errors", errors.stream().map((e) -> Map.of("field", e.field(), "message", e.message())).toList());
		}
		return JSON.writeValueAsString(body);
	}

	static void write(HttpServletResponse response, int status, String detail, List<FieldError> errors)
			throws IOException {
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json(status, title(status), detail, errors));
		response.flushBuffer();
	}

	static String title(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known == null) ? "Error" : known.getReasonPhrase();
	}

	/**
	 * A detail that says what went wrong in general, for an answer with no specific one.
	 */
	static String generic(int status) {
		return switch (status) {
			case 400 -> "The request is not valid: its address, parameters or body contain what Dues does not accept.";
			case 401 -> "Send HTTP Basic credentials of a Dues user.";
			case 403 -> "Your role does not allow this.";
			case 404 -> "There is nothing at this address.";
			case 405 -> "This address does not take this method.";
			case 413 -> "The request is larger than Dues accepts.";
			case 414 -> "The address is longer than Dues accepts.";
			case 415 -> "The request's content type is not accepted here.";
			case 431 -> "The request's headers are larger than Dues accepts.";
			default -> (status >= 500) ? "The server could not complete the request; it has been logged."
					: "The request could not be completed.";
		};
	}

}

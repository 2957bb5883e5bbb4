package org.dues.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Replaces Tomcat's own error report, which answers what never reaches the application (a
 * request target with {@code \} or an encoded {@code /}, an encoded NUL, a malformed
 * escape) with an HTML page naming Tomcat and the exception: problem details for the API,
 * a plain page in the application's style elsewhere, never a class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	static final String SECURITY_HEADERS_CSP = "default-src 'none'; style-src 'self'; frame-ancestors 'none'";

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		java.util.concurrent.atomic.AtomicBoolean allowed = new java.util.concurrent.atomic.AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
		if (!allowed.get()) {
			return;
		}
		String uri = request.getRequestURI();
		if ((uri == null || uri.isEmpty()) && request.getCoyoteRequest() != null) {
			uri = request.getCoyoteRequest().requestURI().toString();
		}
		try {
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Content-Security-Policy", SECURITY_HEADERS_CSP);
			response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
			response.setHeader("X-Frame-Options", "DENY");
			String body;
			// A request line that could not even be read is answered for a machine.
			if (uri == null || uri.isEmpty() || Problems.isApi(uri, null)) {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				body = Problems.json(status, Problems.title(status), Problems.generic(status), List.of());
			}
			else {
				response.setContentType("text/html;charset=UTF-8");
				body = page(status);
			}
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response cannot be written: nothing to tell.
		}
	}

	private static String page(int status) {
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Dues</title>
				<link rel="stylesheet" href="/webjars/bootstrap/css/bootstrap.min.css"></head>
				<body><main class="container"><h1 class="h4 my-4">%d %s</h1><p>%s</p>
				<a class="btn btn-primary" href="/accounts">Dues</a></main></body></html>
				""".formatted(status, Problems.title(status), Problems.generic(status));
	}

}

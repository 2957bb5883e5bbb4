package org.dues.system;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.dues.shared.ControlCharacters;
import org.dues.shared.InvalidInputException.FieldError;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets, before Spring Security: a file upload (multipart)
 * only where a file is expected (415 elsewhere), a body of more than the configured size
 * only as an upload (413), and no control character in any parameter name or value (400
 * naming the parameter). Query parameters are single-line; form fields may hold tab, CR
 * and LF. Form fields of an upload are checked when they are first read (after the caller
 * has been authenticated), so an anonymous upload is never parsed here.
 */
class InputHygieneFilter extends OncePerRequestFilter {

	/**
	 * Where a file is expected: the allocation file upload, on the API and the page; a
	 * mapping profile's sample; a bulk message's list of accounts; a bank statement; a
	 * sheet of targets.
	 */
	static final Set<String> UPLOADS = Set.of("/imports", "/api/v1/imports", "/admin/mappings", "/admin/mappings/test",
			"/api/v1/messages/bulk", "/supervisor/messages/bulk", "/api/v1/bank-statements",
			"/reconciliation/statements", "/targets/import");

	private final long maxBody;

	InputHygieneFilter(long maxBody) {
		this.maxBody = maxBody;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
		if (multipart && !("POST".equals(request.getMethod()) && UPLOADS.contains(path))) {
			refuse(request, response, 415,
					"Only the uploads of an allocation file, a mapping profile's sample, a bulk message's list, a bank statement or a targets sheet take multipart content; send this request as JSON or a form.",
					List.of());
			return;
		}
		if (!multipart && request.getContentLengthLong() > this.maxBody) {
			refuse(request, response, 413, "The request body is larger than %d bytes.".formatted(this.maxBody),
					List.of());
			return;
		}
		CheckedRequest checked = new CheckedRequest(request, multipart ? -1 : this.maxBody);
		try {
			checkQuery(request.getQueryString());
			if (!multipart) {
				checked.getParameterMap();
			}
			chain.doFilter(checked, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!answer(request, response, ex)) {
				throw ex;
			}
		}
	}

	/** Answers a refusal raised anywhere below; false when {@code ex} is none. */
	private boolean answer(HttpServletRequest request, HttpServletResponse response, Throwable ex) throws IOException {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RefusedInputException refused && !response.isCommitted()) {
				refuse(request, response, 400, refused.getMessage(), refused.errors());
				return true;
			}
			if (cause instanceof BodyTooLargeException tooLarge && !response.isCommitted()) {
				refuse(request, response, 413, tooLarge.getMessage(), List.of());
				return true;
			}
		}
		return false;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail,
			List<FieldError> errors) throws IOException {
		if (Problems.isApi(request)) {
			Problems.write(response, status, detail, errors);
		}
		else {
			request.setAttribute(Problems.DETAIL, detail);
			response.sendError(status);
		}
	}

	/**
	 * Query parameters, read from the query string itself (reading them through the
	 * request would parse an upload's body).
	 */
	private static void checkQuery(@Nullable String query) {
		if (query == null || query.isEmpty()) {
			return;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals), "query string");
			check(name, "query string", false);
			if (equals >= 0) {
				check(decode(pair.substring(equals + 1), name), name, false);
			}
		}
	}

	private static String decode(String text, String field) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new RefusedInputException(field, "is not validly percent-encoded");
		}
	}

	static void check(String text, String field, boolean multiLine) {
		int at = ControlCharacters.firstIn(text, multiLine);
		if (at >= 0) {
			throw new RefusedInputException(field.isEmpty() ? "parameter" : printable(field),
					ControlCharacters.describe(text, at));
		}
	}

	/** A parameter's name as it may be echoed: its control characters shown as '?'. */
	private static String printable(String name) {
		StringBuilder out = new StringBuilder(Math.min(name.length(), 100));
		for (int i = 0; i < name.length() && i < 100; i++) {
			char c = name.charAt(i);
			out.append(ControlCharacters.firstIn(String.valueOf(c), false) < 0 ? c : '?');
		}
		return out.toString();
	}

	/**
	 * The request whose parameters are checked when first read and whose body stops at
	 * the limit.
	 */
	static final class CheckedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private boolean checked;

		private @Nullable ServletInputStream in;

		CheckedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		private void checkParameters() {
			if (this.checked) {
				return;
			}
			Map<String, String[]> parameters = super.getParameterMap();
			for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
				check(parameter.getKey(), "parameter", false);
				for (String value : parameter.getValue()) {
					if (value != null) {
						check(value, parameter.getKey(), true);
					}
				}
			}
			this.checked = true;
		}

		@Override
		public @Nullable String getParameter(String name) {
			checkParameters();
			return super.getParameter(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			checkParameters();
			return super.getParameterMap();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			checkParameters();
			return super.getParameterNames();
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			checkParameters();
			return super.getParameterValues(name);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.limit < 0) {
				return super.getInputStream();
			}
			if (this.in == null) {
				this.in = new Bounded(super.getInputStream(), this.limit);
			}
			return this.in;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			if (this.limit < 0) {
				return super.getReader();
			}
			String encoding = getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					(encoding == null) ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}

	}

	/** A body that fails once more than {@code limit} bytes have been read. */
	static final class Bounded extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		Bounded(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}

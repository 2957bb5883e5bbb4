package org.dues.system;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes any API write safe to retry: a POST with an {@code Idempotency-Key} header is
 * answered once, and a retry by the same user with the same key and the same request gets
 * the first answer again (marked {@code Idempotent-Replayed: true}). The same key with a
 * different request, or while the first is still running, is refused. Keys are kept for a
 * day.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final int MAX_BODY = 1024 * 1024;

	static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final Clock clock;

	IdempotencyFilter(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// A file upload is identified by its import, not replayed: its body is too large
		// to keep
		// and each retry has a new multipart boundary.
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
				|| (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"))
				|| request.getHeader(HEADER) == null || request.getUserPrincipal() == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).strip();
		if (key.isEmpty() || key.length() > 255) {
			problem(response, 400, "Idempotency-Key must be 1 to 255 characters");
			return;
		}
		String user = request.getUserPrincipal().getName();
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			problem(response, 413, "A request with an Idempotency-Key may be at most 1 MB");
			return;
		}
		String hash = hash(request, body);
		int claimed = this.jdbc.sql("""
				INSERT INTO system_idempotency_keys (username, key, request_hash, status, created_at)
				VALUES (:user, :key, :hash, 0, :now) ON CONFLICT DO NOTHING""")
			.param("user", user)
			.param("key", key)
			.param("hash", hash)
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
		if (claimed == 0) {
			claimed = takeOverAbandoned(user, key, hash);
		}
		if (claimed == 0) {
			replay(user, key, hash, response);
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		boolean stored = false;
		try {
			chain.doFilter(new CachedBodyRequest(request, body), wrapper);
			// An error the container renders later (an unknown path, say) has no body
			// yet: not kept.
			if (wrapper.getStatus() < 500 && (wrapper.getStatus() < 400 || wrapper.getContentSize() > 0)) {
				this.jdbc.sql("""
						UPDATE system_idempotency_keys SET status = :status, content_type = :type, location = :location,
						    body = :body WHERE username = :user AND key = :key""")
					.param("status", wrapper.getStatus())
					.param("type", wrapper.getContentType())
					.param("location", wrapper.getHeader("Location"))
					.param("body", wrapper.getContentAsByteArray())
					.param("user", user)
					.param("key", key)
					.update();
				stored = true;
			}
		}
		finally {
			if (!stored) {
				this.jdbc.sql("DELETE FROM system_idempotency_keys WHERE username = :user AND key = :key")
					.param("user", user)
					.param("key", key)
					.update();
			}
			wrapper.copyBodyToResponse();
		}
	}

	/**
	 * A claim still "in progress" after minutes belongs to a request that died; take it
	 * over.
	 */
	private int takeOverAbandoned(String user, String key, String hash) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		return this.jdbc.sql("""
				UPDATE system_idempotency_keys SET created_at = :now, request_hash = :hash
				WHERE username = :user AND key = :key AND status = 0 AND created_at < :stale""")
			.param("now", now)
			.param("stale", now.minus(ABANDONED_AFTER))
			.param("user", user)
			.param("key", key)
			.param("hash", hash)
			.update();
	}

	private void replay(String user, String key, String hash, HttpServletResponse response) throws IOException {
		var stored = this.jdbc
			.sql("SELECT request_hash, status, content_type, location, body FROM system_idempotency_keys "
					+ "WHERE username = :user AND key = :key")
			.param("user", user)
			.param("key", key)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getBytes(5)))
			.optional();
		if (stored.isEmpty()) {
			problem(response, 409, "A request with this Idempotency-Key just failed; send it again");
		}
		else if (!stored.get().hash().equals(hash)) {
			problem(response, 422, "This Idempotency-Key was already used for a different request");
		}
		else if (stored.get().status() == 0) {
			problem(response, 409, "A request with this Idempotency-Key is still being processed");
		}
		else {
			response.setStatus(stored.get().status());
			response.setHeader("Idempotent-Replayed", "true");
			if (stored.get().contentType() != null) {
				response.setContentType(stored.get().contentType());
			}
			if (stored.get().location() != null) {
				response.setHeader("Location", stored.get().location());
			}
			if (stored.get().body() != null) {
				response.getOutputStream().write(stored.get().body());
			}
		}
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
				.getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Idempotency-Key\",\"status\":%d,\"detail\":\"%s\"}"
				.formatted(status, detail));
	}

	record Stored(String hash, int status, String contentType, String location, byte[] body) {
	}

	/** The request with its body already read, so it can be read again. */
	static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}

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

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes any API write safe to retry: a POST with an {@code Idempotency-Key} header is
 * answered once, and a retry by the same user with the same key and the same request gets
 * the first answer again (marked {@code Idempotent-Replayed: true}). A JSON body is
 * compared as canonical JSON (its keys sorted, whitespace dropped), so a retry that
 * orders its keys differently is the same request. The same key with a different request
 * is refused (422); a retry that arrives while the first is still running waits for it,
 * up to a bound, and gets its answer. Keys are kept for a day.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final int MAX_BODY = 1024 * 1024;

	static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(5);

	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final long POLL_MILLIS = 50;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration wait;

	/**
	 * @param wait how long a retry waits for the first request with its key to finish
	 */
	IdempotencyFilter(JdbcClient jdbc, Clock clock, Duration wait) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.wait = wait;
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
		// Wall time, not the business clock: this bounds how long a thread waits.
		long deadline = System.nanoTime() + this.wait.toNanos();
		while (!claim(user, key, hash)) {
			Optional<Stored> stored = stored(user, key);
			if (stored.isEmpty()) {
				// The first request just failed and let its key go: this one takes it.
				continue;
			}
			if (!stored.get().hash().equals(hash)) {
				problem(response, 422, "This Idempotency-Key was already used for a different request");
				return;
			}
			if (stored.get().status() != 0) {
				replay(stored.get(), response);
				return;
			}
			if (System.nanoTime() > deadline) {
				problem(response, 409, "A request with this Idempotency-Key is still being processed");
				return;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				problem(response, 409, "A request with this Idempotency-Key is still being processed");
				return;
			}
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

	/** Claims the key for this request: a new key, or one abandoned by a dead request. */
	private boolean claim(String user, String key, String hash) {
		int claimed = this.jdbc.sql("""
				INSERT INTO system_idempotency_keys (username, key, request_hash, status, created_at)
				VALUES (:user, :key, :hash, 0, :now) ON CONFLICT DO NOTHING""")
			.param("user", user)
			.param("key", key)
			.param("hash", hash)
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
		return claimed > 0 || takeOverAbandoned(user, key, hash) > 0;
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

	private Optional<Stored> stored(String user, String key) {
		return this.jdbc
			.sql("SELECT request_hash, status, content_type, location, body FROM system_idempotency_keys "
					+ "WHERE username = :user AND key = :key")
			.param("user", user)
			.param("key", key)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getBytes(5)))
			.optional();
	}

	private static void replay(Stored stored, HttpServletResponse response) throws IOException {
		response.setStatus(stored.status());
		response.setHeader("Idempotent-Replayed", "true");
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		if (stored.location() != null) {
			response.setHeader("Location", stored.location());
		}
		if (stored.body() != null) {
			response.getOutputStream().write(stored.body());
		}
	}

	static String hash(HttpServletRequest request, byte[] body) {
		return hash(request.getMethod(), request.getRequestURI(), request.getQueryString(), request.getContentType(),
				body);
	}

	/** The request's method, address and body (canonical when it is JSON), hashed. */
	static String hash(String method, String uri, @Nullable String query, @Nullable String contentType, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((method + " " + uri + "?" + query + "\n").getBytes(StandardCharsets.UTF_8));
			digest.update(canonical(contentType, body));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A JSON body with its object keys sorted and no whitespace, numbers as written; any
	 * other body, or JSON that cannot be read, as it came.
	 */
	static byte[] canonical(@Nullable String contentType, byte[] body) {
		if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")
				|| body.length == 0) {
			return body;
		}
		try {
			return CANONICAL.writeValueAsBytes(CANONICAL.readValue(body, Object.class));
		}
		catch (JacksonException ex) {
			return body;
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

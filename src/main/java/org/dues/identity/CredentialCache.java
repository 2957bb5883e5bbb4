package org.dues.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * API credentials verified recently. The API takes HTTP Basic on every request and keeps
 * no session, and checking a password against its bcrypt hash costs tens of milliseconds
 * of CPU by design; an agent's client asking for the next account every few seconds would
 * spend more on that than on the work. A verified name and password are remembered (as a
 * HMAC-SHA256 of both under a random key of this process, never the password) for a short
 * while with the user's security stamp at that moment. Every use compares that stamp with
 * the one in the database, which changes with the user's password, roles, status or a
 * lockout, so a change made on any node of a cluster makes the entry useless on every
 * node at once (one indexed read costs far less than bcrypt).
 */
@Component
class CredentialCache {

	static final Duration TTL = Duration.ofMinutes(5);

	private static final int MAX_ENTRIES = 10_000;

	private final Map<String, Entry> verified = new ConcurrentHashMap<>();

	private static final String HMAC = "HmacSHA256";

	private final Clock clock;

	private final SecretKeySpec key;

	CredentialCache(Clock clock) {
		this.clock = clock;
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.key = new SecretKeySpec(random, HMAC);
	}

	/**
	 * The authentication verified earlier for exactly this name and password, if fresh.
	 */
	@Nullable Authentication lookup(String username, String password, long stamp) {
		Entry entry = this.verified.get(username);
		if (entry == null) {
			return null;
		}
		if (entry.stamp() != stamp || !entry.until().isAfter(this.clock.instant())
				|| !MessageDigest.isEqual(entry.digest(), digest(username, password))) {
			return null;
		}
		return entry.authentication();
	}

	void remember(String username, String password, long stamp, Authentication authentication) {
		if (this.verified.size() >= MAX_ENTRIES) {
			Instant now = this.clock.instant();
			this.verified.values().removeIf((e) -> !e.until().isAfter(now));
			if (this.verified.size() >= MAX_ENTRIES) {
				this.verified.clear();
			}
		}
		UsernamePasswordAuthenticationToken erased = UsernamePasswordAuthenticationToken
			.authenticated(authentication.getPrincipal(), null, authentication.getAuthorities());
		this.verified.put(username,
				new Entry(digest(username, password), stamp, this.clock.instant().plus(TTL), erased));
	}

	void forget(String username) {
		this.verified.remove(username);
	}

	/**
	 * HMAC-SHA256 of name and password under this process's key: a heap dump holds
	 * nothing a password guess can be checked against offline.
	 */
	byte[] digest(String username, String password) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			mac.update(username.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Entry(byte[] digest, long stamp, Instant until, Authentication authentication) {
	}

}

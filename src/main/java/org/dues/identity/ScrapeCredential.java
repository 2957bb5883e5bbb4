package org.dues.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The scrape credential: a name and password from the environment
 * ({@code DUES_METRICS_USERNAME}, {@code DUES_METRICS_PASSWORD}) that a metrics collector
 * such as Prometheus sends with HTTP Basic to read {@code /actuator/prometheus}, and
 * nothing else. It is no Dues user and holds no role; with no password configured there
 * is none. Its name is checked here alone, never as a user's; other names go to the
 * users' check. It is checked behind {@link LoginThrottle} as a user's password is, wrong
 * ones counted; once right, it is taken for {@link #REMEMBERED} without asking the
 * throttle again (as {@link CredentialCache} does for users), so a collector scraping
 * every few seconds costs the database nothing and is not refused for failures of others
 * behind its address.
 */
final class ScrapeCredential implements AuthenticationProvider {

	/** The authority a scrape login holds, and nothing else. */
	static final String AUTHORITY = "METRICS_SCRAPE";

	/** The shortest password accepted: a machine's secret, not a person's. */
	static final int SHORTEST = 16;

	/** How long a right password is taken without asking the throttle. */
	static final Duration REMEMBERED = Duration.ofMinutes(5);

	private final String username;

	private final byte @Nullable [] digest;

	private final LoginThrottle throttle;

	private final AuthenticationProvider users;

	/** Until when (System.nanoTime) a right password skips the throttle; 0: not yet. */
	private volatile long rememberedUntil;

	/**
	 * @throws IllegalStateException when a password is configured that is shorter than
	 * {@link #SHORTEST}, or with no name
	 */
	ScrapeCredential(String username, String password, LoginThrottle throttle, AuthenticationProvider users) {
		if (!password.isEmpty() && (password.length() < SHORTEST || username.isBlank())) {
			throw new IllegalStateException(
					"DUES_METRICS_PASSWORD must be at least %d characters and DUES_METRICS_USERNAME not blank"
						.formatted(SHORTEST));
		}
		this.username = username.strip();
		this.digest = password.isEmpty() ? null : sha256(password);
		this.throttle = throttle;
		this.users = users;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
		if (this.digest == null || !this.username.equals(authentication.getName())) {
			return this.users.authenticate(authentication);
		}
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		boolean right = authentication.getCredentials() instanceof String given
				&& MessageDigest.isEqual(this.digest, sha256(given));
		long now = System.nanoTime();
		if (!right || this.rememberedUntil == 0 || now - this.rememberedUntil > 0) {
			this.throttle.check(this.username, address);
			if (!right) {
				this.throttle.failed(this.username, address);
				throw new BadCredentialsException("Bad credentials");
			}
			this.rememberedUntil = now + REMEMBERED.toNanos();
		}
		return UsernamePasswordAuthenticationToken.authenticated(this.username, null,
				List.of(new SimpleGrantedAuthority(AUTHORITY)));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package org.dues.identity;

import java.util.OptionalLong;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password authentication for the API that asks {@link CredentialCache} before hashing: a
 * name and password verified in the last minutes, whose user's security stamp has not
 * changed since, are accepted without running bcrypt again; anything else goes through
 * the throttled check against the stored hash. The stamp comes from
 * {@link SecurityStamps} (this node's copy, dropped whenever any node changes it), so a
 * request whose credentials are cached reads nothing from the database to be
 * authenticated.
 */
class CachingBasicAuthentication implements AuthenticationProvider {

	private final ThrottledAuthentication delegate;

	private final SecurityStamps stamps;

	private final CredentialCache cache;

	CachingBasicAuthentication(ThrottledAuthentication delegate, SecurityStamps stamps, CredentialCache cache) {
		this.delegate = delegate;
		this.stamps = stamps;
		this.cache = cache;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (username == null || !(credentials instanceof String password)) {
			return this.delegate.authenticate(authentication);
		}
		OptionalLong stamp = this.stamps.stamp(username);
		if (stamp.isPresent()) {
			Authentication known = this.cache.lookup(username, password, stamp.getAsLong());
			if (known != null) {
				return known;
			}
		}
		Authentication verified = this.delegate.authenticate(authentication);
		if (verified == null) {
			throw new BadCredentialsException("Bad credentials");
		}
		if (stamp.isPresent()) {
			this.cache.remember(username, password, stamp.getAsLong(), verified);
		}
		return verified;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}

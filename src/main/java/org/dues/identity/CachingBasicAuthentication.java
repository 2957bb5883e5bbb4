package org.dues.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password authentication for the API that asks {@link CredentialCache} before hashing: a
 * name and password verified in the last minutes are accepted without running bcrypt
 * again; anything else goes to the usual check against the stored hash.
 */
class CachingBasicAuthentication implements AuthenticationProvider {

	private final DaoAuthenticationProvider delegate;

	private final CredentialCache cache;

	CachingBasicAuthentication(UserManagement users, PasswordEncoder passwords, CredentialCache cache) {
		this.delegate = new DaoAuthenticationProvider(users);
		this.delegate.setPasswordEncoder(passwords);
		this.cache = cache;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (username == null || !(credentials instanceof String password)) {
			return this.delegate.authenticate(authentication);
		}
		Authentication known = this.cache.lookup(username, password);
		if (known != null) {
			return known;
		}
		Authentication verified = this.delegate.authenticate(authentication);
		this.cache.remember(username, password, verified);
		return verified;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}

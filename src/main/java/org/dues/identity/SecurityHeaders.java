package org.dues.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;

/**
 * The headers every page and answer of Dues carries (the Content-Security-Policy,
 * Referrer-Policy, Permissions-Policy, framing denied, HSTS over TLS), for a security
 * chain another module defines.
 */
public final class SecurityHeaders {

	private SecurityHeaders() {
	}

	public static void apply(HeadersConfigurer<HttpSecurity> headers) {
		SecurityConfiguration.headers(headers);
	}

}

package org.dues.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a web login has proved beyond the password, and what it still owes, as authorities
 * of the logged-in user: Spring Security's {@link FactorGrantedAuthority} for the
 * one-time code, and two markers set at login.
 */
public final class LoginFactors {

	/** The authority of a one-time code given in this login. */
	public static final String TOTP = "FACTOR_TOTP";

	/** Marker: the user must choose a new password before anything else. */
	public static final String PASSWORD_CHANGE_REQUIRED = UserLogins.PASSWORD_CHANGE_REQUIRED;

	/** Marker: the user has a second factor and gives a code at every web login. */
	public static final String TOTP_ENROLLED = UserLogins.TOTP_ENROLLED;

	private LoginFactors() {
	}

	/** The login with a one-time code given now. */
	public static Authentication withSecondFactor(Authentication login) {
		List<GrantedAuthority> authorities = new ArrayList<>(login.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(TOTP));
		authorities.add(new SimpleGrantedAuthority(TOTP_ENROLLED));
		return copy(login, authorities);
	}

	/** The login once the password has been changed. */
	public static Authentication withPasswordChanged(Authentication login) {
		List<GrantedAuthority> authorities = new ArrayList<>(login.getAuthorities());
		authorities.removeIf((a) -> PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
		return copy(login, authorities);
	}

	/** Whether the login carries the authority. */
	public static boolean has(Authentication login, String authority) {
		return login.getAuthorities().stream().anyMatch((a) -> authority.equals(a.getAuthority()));
	}

	private static Authentication copy(Authentication login, List<GrantedAuthority> authorities) {
		UsernamePasswordAuthenticationToken copy = UsernamePasswordAuthenticationToken
			.authenticated(login.getPrincipal(), null, authorities.stream().distinct().toList());
		copy.setDetails(login.getDetails());
		return copy;
	}

}

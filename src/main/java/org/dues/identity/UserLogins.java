package org.dues.identity;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Users as Spring Security reads them at login: roles as authorities, plus two markers
 * that steer the web login ({@link #PASSWORD_CHANGE_REQUIRED}, {@link #TOTP_ENROLLED}); a
 * hash of an older kind is replaced by the current one at a successful login.
 */
@Component
class UserLogins implements UserDetailsService, UserDetailsPasswordService {

	/** The user must choose a new password before anything else. */
	static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	/** The user has a second factor and gives a code at every web login. */
	static final String TOTP_ENROLLED = "TOTP_ENROLLED";

	private final JdbcClient jdbc;

	UserLogins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.jdbc.sql("""
				SELECT username, password_hash, roles, enabled, must_change_password, totp_secret IS NOT NULL
				FROM identity_users WHERE username = :u""").param("u", username).query((rs, n) -> {
			List<GrantedAuthority> authorities = new ArrayList<>();
			for (String role : strings(rs.getArray(3))) {
				authorities.add(new SimpleGrantedAuthority(Role.valueOf(role).authority()));
			}
			if (rs.getBoolean(5)) {
				authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
			}
			if (rs.getBoolean(6)) {
				authorities.add(new SimpleGrantedAuthority(TOTP_ENROLLED));
			}
			return User.withUsername(rs.getString(1))
				.password(rs.getString(2))
				.authorities(authorities)
				.disabled(!rs.getBoolean(4))
				.build();
		}).optional().orElseThrow(() -> new UsernameNotFoundException(username));
	}

	/** Re-hashes with the current encoder; the password itself is unchanged. */
	@Override
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		this.jdbc.sql("UPDATE identity_users SET password_hash = :hash WHERE username = :u")
			.param("hash", newPassword)
			.param("u", user.getUsername())
			.update();
		return User.withUserDetails(user).password(newPassword).build();
	}

	/**
	 * The security stamp of an enabled user: it changes with their password, roles,
	 * status and at a lockout; one indexed read, far cheaper than checking a password
	 * hash.
	 */
	OptionalLong stamp(String username) {
		return this.jdbc.sql("SELECT security_stamp FROM identity_users WHERE username = :u AND enabled")
			.param("u", username)
			.query(Long.class)
			.optional()
			.map(OptionalLong::of)
			.orElseGet(OptionalLong::empty);
	}

	/** Makes every node's cached credentials of the user invalid. */
	void restamp(String username) {
		this.jdbc.sql("UPDATE identity_users SET security_stamp = security_stamp + 1 WHERE username = :u")
			.param("u", username)
			.update();
	}

	boolean exists(String username) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_users WHERE username = :u)")
			.param("u", username)
			.query(Boolean.class)
			.single();
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

}

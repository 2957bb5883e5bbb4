package org.dues.identity;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their roles. Passwords are stored only as adaptive hashes.
 */
@Service
public class UserManagement implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	UserManagement(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Creates a user, unless one with that name exists.
	 * @return whether the user was created
	 */
	@Transactional
	public boolean createIfAbsent(NewUser user) {
		int rows = this.jdbc.sql("""
				INSERT INTO identity_users (id, username, display_name, password_hash, roles, languages, created_at)
				VALUES (:id, :username, :displayName, :hash, :roles, :languages, :now)
				ON CONFLICT (username) DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("username", user.username())
			.param("displayName", user.displayName())
			.param("hash", this.passwords.encode(user.password()))
			.param("roles", user.roles().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("languages", user.languages().toArray(String[]::new))
			.param("now", Instant.now(this.clock).atOffset(java.time.ZoneOffset.UTC))
			.update();
		return rows == 1;
	}

	/** Whether any user exists yet. */
	public boolean anyUsers() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_users)").query(Boolean.class).single();
	}

	/** The user's display name and roles, if the user exists. */
	public Optional<UserView> find(String username) {
		return this.jdbc
			.sql("SELECT username, display_name, roles, languages FROM identity_users WHERE username = :username")
			.param("username", username)
			.query((rs, n) -> new UserView(rs.getString(1), rs.getString(2),
					strings(rs.getArray(3)).stream().map(Role::valueOf).toList(), strings(rs.getArray(4))))
			.optional();
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.jdbc.sql("SELECT username, password_hash, roles, enabled FROM identity_users WHERE username = :u")
			.param("u", username)
			.query((rs, n) -> User.withUsername(rs.getString(1))
				.password(rs.getString(2))
				.authorities(strings(rs.getArray(3)).stream()
					.map((role) -> new SimpleGrantedAuthority(Role.valueOf(role).authority()))
					.toList())
				.disabled(!rs.getBoolean(4))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	/** A user as colleagues see them. */
	public record UserView(String username, String displayName, List<Role> roles, List<String> languages) {
	}

}

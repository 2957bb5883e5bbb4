package org.dues.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users, their roles and what agents bring to the work (languages, regions, the
 * recovery-agent certificate). Passwords are stored only as adaptive hashes. Rights take
 * effect at once: a change of password, roles or status ends the user's web sessions on
 * every node and makes every node's cached API credentials of theirs invalid.
 */
@Service
public class UserManagement {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final CredentialCache credentials;

	private final SecurityStamps stamps;

	private final SessionTermination sessions;

	private final OwnPassword ownPassword;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	UserManagement(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, CredentialCache credentials,
			SecurityStamps stamps, SessionTermination sessions, OwnPassword ownPassword,
			TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.events = events;
		this.ownPassword = ownPassword;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
		this.credentials = credentials;
		this.stamps = stamps;
		this.sessions = sessions;
	}

	/**
	 * Creates a user that a person asked for (API, administration page), unless one with
	 * that name exists; the password must meet the password policy (at least 15
	 * characters, not a common one).
	 * @param by the administrator, named in the audit trail
	 * @return whether the user was created
	 * @throws InvalidInputException if the password is refused
	 */
	@Transactional
	public boolean register(NewUser user, String by) {
		PasswordPolicy.check(user.username(), user.password());
		boolean created = createIfAbsent(user);
		if (created) {
			this.events.publishEvent(new UserAccessChanged(user.username(), by, "CREATED",
					user.roles().stream().sorted().toList(), true, this.clock.instant()));
		}
		return created;
	}

	/**
	 * Creates a user, unless one with that name exists, without the password policy: for
	 * the first administrator, demo users and tests. People's requests go through
	 * {@link #register(NewUser)}.
	 * @return whether the user was created
	 */
	@Transactional
	public boolean createIfAbsent(NewUser user) {
		int rows = this.jdbc.sql("""
				INSERT INTO identity_users (id, username, display_name, password_hash, roles, languages, regions,
				    certificate_number, certificate_expires_on, created_at)
				VALUES (:id, :username, :displayName, :hash, :roles, :languages, :regions, :certificate, :expires, :now)
				ON CONFLICT (username) DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("username", user.username())
			.param("displayName", user.displayName().strip())
			.param("hash", this.passwords.encode(user.password()))
			.param("roles", roles(user.roles()))
			.param("languages", user.languages().toArray(String[]::new))
			.param("regions", user.regions().toArray(String[]::new))
			.param("certificate", blankToNull(user.certificateNumber()))
			.param("expires", user.certificateExpiresOn())
			.param("now", Instant.now(this.clock).atOffset(ZoneOffset.UTC))
			.update();
		return rows == 1;
	}

	/**
	 * Changes what a user does and brings. A change of roles or status ends all of the
	 * user's web sessions and cached API credentials, on every node, and is audited.
	 * @param by the administrator, named in the audit trail
	 * @throws NotFoundException if there is no such user
	 */
	@Transactional
	public UserView update(String username, UserChange change, String by) {
		if (change.roles().isEmpty()) {
			throw new InvalidInputException("roles", "a user needs at least one role");
		}
		record Rights(String[] roles, boolean enabled) {
		}
		Rights before = this.jdbc.sql("SELECT roles, enabled FROM identity_users WHERE username = :username FOR UPDATE")
			.param("username", username)
			.query((rs, n) -> new Rights((String[]) rs.getArray(1).getArray(), rs.getBoolean(2)))
			.optional()
			.orElseThrow(() -> new NotFoundException("user", username));
		boolean rightsChanged = before.enabled() != change.enabled()
				|| !Arrays.equals(before.roles(), roles(change.roles()));
		int rows = this.jdbc.sql("""
				UPDATE identity_users SET display_name = :displayName, roles = :roles, languages = :languages,
				    regions = :regions, certificate_number = :certificate, certificate_expires_on = :expires,
				    enabled = :enabled
				WHERE username = :username""")
			.param("username", username)
			.param("displayName", change.displayName().strip())
			.param("roles", roles(change.roles()))
			.param("languages", codes("languages", change.languages()).toArray(String[]::new))
			.param("regions", codes("regions", change.regions()).toArray(String[]::new))
			.param("certificate", blankToNull(change.certificateNumber()))
			.param("expires", change.certificateExpiresOn())
			.param("enabled", change.enabled())
			.update();
		if (rows == 0) {
			throw new NotFoundException("user", username);
		}
		if (rightsChanged) {
			rightsChanged(username, null);
			this.events.publishEvent(new UserAccessChanged(username, by, "ROLES_OR_STATUS_CHANGED",
					change.roles().stream().sorted().toList(), change.enabled(), this.clock.instant()));
		}
		return find(username).orElseThrow();
	}

	/**
	 * Sets a new password for a user (an administrator's reset): the password policy
	 * applies, all of the user's sessions and cached credentials end, and the reset is
	 * audited.
	 * @param by the administrator, named in the audit trail
	 * @throws InvalidInputException if the password is refused
	 * @throws NotFoundException if there is no such user
	 */
	@Transactional
	public void setPassword(String username, String password, String by) {
		PasswordPolicy.check(username, password);
		storePassword(username, password);
		rightsChanged(username, null);
		UserView user = find(username).orElseThrow();
		this.events.publishEvent(new UserAccessChanged(username, by, "PASSWORD_RESET", user.roles(), user.enabled(),
				this.clock.instant()));
	}

	/**
	 * A user changes their own password: the current one must be right (checked behind
	 * the login throttle, so a stolen session cannot guess it) and the new one meet the
	 * policy; the user's other sessions end, the one given stays.
	 * @param keepSession the id of the session the change was made in, if any
	 * @param address the source address of the request, if known
	 * @throws InvalidInputException if the current password is wrong (or was wrong too
	 * often) or the new one is refused
	 */
	public void changeOwnPassword(String username, String current, String password, @Nullable String keepSession,
			@Nullable String address) {
		// outside the change's transaction: a refused password's count and lockout stay
		this.ownPassword.verify(username, current, address);
		if (current.equals(password)) {
			throw new InvalidInputException("password", "must differ from the current one");
		}
		PasswordPolicy.check(username, password);
		this.transactions.executeWithoutResult((status) -> {
			storePassword(username, password);
			rightsChanged(username, keepSession);
		});
	}

	/** The user must set a new password at their next login (a generated one). */
	@Transactional
	public void requirePasswordChange(String username) {
		this.jdbc.sql("UPDATE identity_users SET must_change_password = true WHERE username = :u")
			.param("u", username)
			.update();
		rightsChanged(username, null);
	}

	private void storePassword(String username, String password) {
		int rows = this.jdbc.sql("""
				UPDATE identity_users SET password_hash = :hash, must_change_password = false
				WHERE username = :username""")
			.param("hash", this.passwords.encode(password))
			.param("username", username)
			.update();
		if (rows == 0) {
			throw new NotFoundException("user", username);
		}
	}

	/** Every session but the one kept ends, and every node's cached credentials. */
	private void rightsChanged(String username, @Nullable String keepSession) {
		this.stamps.restamp(username);
		this.credentials.forget(username);
		this.sessions.endExcept(username, keepSession);
	}

	/** Whether any user exists yet. */
	public boolean anyUsers() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_users)").query(Boolean.class).single();
	}

	/** The user with their roles and attributes, if the user exists. */
	public Optional<UserView> find(String username) {
		return this.jdbc.sql(SELECT + " WHERE u.username = :username")
			.param("username", username)
			.query((rs, n) -> view(rs))
			.optional();
	}

	/** The users demo mode creates, in the order the login page lists them. */
	public static final List<String> DEMO_USERNAMES = List.of("agent1", "agent2", "agent3", "lead1", "manager1",
			"compliance1", "field1", "admin", "agency1", "agencylead1");

	/**
	 * The demo users that exist and are enabled, in {@link #DEMO_USERNAMES}' order: what
	 * the login page lists in demo mode (never the other users).
	 */
	public List<UserView> demoLogins() {
		List<UserView> found = this.jdbc.sql(SELECT + " WHERE u.username IN (:names) AND u.enabled")
			.param("names", DEMO_USERNAMES)
			.query((rs, n) -> view(rs))
			.list();
		return found.stream()
			.sorted(java.util.Comparator.comparingInt((UserView u) -> DEMO_USERNAMES.indexOf(u.username())))
			.toList();
	}

	/** Every user, by name. */
	public List<UserView> all() {
		return this.jdbc.sql(SELECT + " ORDER BY u.username").query((rs, n) -> view(rs)).list();
	}

	/** The enabled users with the given role, by name. */
	public List<UserView> withRole(Role role) {
		return this.jdbc.sql(SELECT + " WHERE :role = ANY(u.roles) AND u.enabled ORDER BY u.username")
			.param("role", role.name())
			.query((rs, n) -> view(rs))
			.list();
	}

	private static final String SELECT = """
			SELECT u.username, u.display_name, u.roles, u.languages, u.regions, u.certificate_number,
			    u.certificate_expires_on, u.enabled,
			    ARRAY(SELECT t.name FROM identity_team_members m JOIN identity_teams t ON t.id = m.team_id
			          WHERE m.username = u.username ORDER BY t.name) AS teams
			FROM identity_users u""";

	private static UserView view(ResultSet rs) throws SQLException {
		return new UserView(rs.getString(1), rs.getString(2),
				strings(rs.getArray(3)).stream().map(Role::valueOf).toList(), strings(rs.getArray(4)),
				strings(rs.getArray(5)), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getBoolean(8),
				strings(rs.getArray(9)));
	}

	static void checkUsername(@Nullable String username) {
		if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
			throw new InvalidInputException("username",
					"must be 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
		}
	}

	/**
	 * The least any stored password must be; people's choices meet
	 * {@link PasswordPolicy}.
	 */
	static void checkPassword(@Nullable String password) {
		if (password == null || password.length() < 4) {
			throw new InvalidInputException("password", "must have at least 4 characters");
		}
		if (password.length() > PasswordPolicy.MAX_LENGTH) {
			throw new InvalidInputException("password",
					"must have at most %d characters".formatted(PasswordPolicy.MAX_LENGTH));
		}
	}

	/** Language or region codes: trimmed, upper- or lower-cased as ISO writes them. */
	static List<String> codes(String field, @Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		List<String> clean = new ArrayList<>();
		for (String value : values) {
			if (value == null || value.isBlank()) {
				continue;
			}
			String code = value.strip();
			if (!code.matches("[A-Za-z]{2,3}")) {
				throw new InvalidInputException(field, "'%s' is not a two- or three-letter code".formatted(code));
			}
			code = field.equals("languages") ? code.toLowerCase(Locale.ROOT) : code.toUpperCase(Locale.ROOT);
			if (!clean.contains(code)) {
				clean.add(code);
			}
		}
		return List.copyOf(clean);
	}

	private static String[] roles(Set<Role> roles) {
		return roles.stream().map(Enum::name).sorted().toArray(String[]::new);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	/**
	 * What an administrator may change about a user.
	 */
	public record UserChange(String displayName, Set<Role> roles, List<String> languages, List<String> regions,
			@Nullable String certificateNumber, @Nullable LocalDate certificateExpiresOn, boolean enabled) {

		public UserChange {
			if (displayName == null || displayName.isBlank()) {
				throw new InvalidInputException("displayName", "is required");
			}
			roles = (roles == null) ? Set.of() : Set.copyOf(roles);
			languages = (languages == null) ? List.of() : List.copyOf(languages);
			regions = (regions == null) ? List.of() : List.copyOf(regions);
		}

	}

	/**
	 * A user as colleagues see them.
	 *
	 * @param regions the regions the agent covers; empty for all
	 * @param teams the names of the teams they belong to
	 */
	public record UserView(String username, String displayName, List<Role> roles, List<String> languages,
			List<String> regions, @Nullable String certificateNumber, @Nullable LocalDate certificateExpiresOn,
			boolean enabled, List<String> teams) {

		/**
		 * Whether the user may work Indian accounts on the given day: the RBI's
		 * directions require recovery agents to hold a current certificate (an expired or
		 * missing one means no Indian accounts).
		 */
		public boolean certifiedOn(LocalDate day) {
			return this.certificateNumber != null && this.certificateExpiresOn != null
					&& !this.certificateExpiresOn.isBefore(day);
		}

		public boolean has(Role role) {
			return this.roles.contains(role);
		}

	}

}

package org.dues.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * External collection agencies and their users. An agency's user is an ordinary user
 * (created through {@link UserManagement}) with the agent or team-lead role and a
 * membership of the agency, written in the same transaction; from then on they reach only
 * the accounts placed with their agency ({@link AgencyReach}).
 */
@Service
public class Agencies {

	private static final String SELECT = """
			SELECT id, code, name, country, email, phone, commission_rate, active, created_at, created_by
			FROM casework_agencies""";

	private final JdbcClient jdbc;

	private final UserManagement users;

	private final AgencyMembers members;

	private final Clock clock;

	Agencies(JdbcClient jdbc, UserManagement users, AgencyMembers members, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.members = members;
		this.clock = clock;
	}

	/**
	 * Creates an agency.
	 * @throws ConflictException when an agency with the code exists
	 */
	@Transactional
	public AgencyView create(NewAgency agency, String by) {
		int rows = this.jdbc.sql("""
				INSERT INTO casework_agencies (id, code, name, country, email, phone, commission_rate, created_at,
				    created_by)
				VALUES (:id, :code, :name, :country, :email, :phone, :rate, :now, :by)
				ON CONFLICT (code) DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("code", agency.code())
			.param("name", agency.name())
			.param("country", agency.country())
			.param("email", agency.email())
			.param("phone", agency.phone())
			.param("rate", agency.commissionRate())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", by)
			.update();
		if (rows == 0) {
			throw new ConflictException("an agency with the code %s exists".formatted(agency.code()));
		}
		return get(agency.code());
	}

	/** Every agency, by name. */
	@Transactional(readOnly = true)
	public List<AgencyView> all() {
		return this.jdbc.sql(SELECT + " ORDER BY name, code").query(Agencies::view).list();
	}

	/**
	 * The agency with the code.
	 * @throws NotFoundException when there is none
	 */
	@Transactional(readOnly = true)
	public AgencyView get(String code) {
		return this.jdbc.sql(SELECT + " WHERE code = :code")
			.param("code", code.strip().toUpperCase(java.util.Locale.ROOT))
			.query(Agencies::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("agency", code));
	}

	/** The agency the user belongs to; empty for an in-house user. */
	public Optional<AgencyView> agencyOf(String username) {
		return this.members.of(username).map((m) -> get(m.code()));
	}

	/**
	 * Creates a user of the agency, with the password policy and the audit trail of any
	 * user, and their membership, in one transaction.
	 * @throws InvalidInputException when the user name is taken or the password refused
	 * @throws ConflictException when the agency is not active
	 */
	@Transactional
	public Member addUser(String code, NewAgencyUser user, String by) {
		AgencyView agency = active(code);
		boolean created = this.users.register(newUser(user), by);
		return member(agency, user, created, by);
	}

	/**
	 * Creates a user of the agency without the password policy, as
	 * {@link UserManagement#createIfAbsent} does: for demo users and tests.
	 * @throws InvalidInputException when the user name is taken
	 */
	@Transactional
	public Member addDemoUser(String code, NewAgencyUser user) {
		AgencyView agency = active(code);
		return member(agency, user, this.users.createIfAbsent(newUser(user)), "system");
	}

	private AgencyView active(String code) {
		AgencyView agency = get(code);
		if (!agency.active()) {
			throw new ConflictException("agency %s is not active".formatted(agency.code()));
		}
		return agency;
	}

	private static NewUser newUser(NewAgencyUser user) {
		return new NewUser(user.username(), user.displayName(), user.password(), Set.of(user.role()), user.languages(),
				List.of(), user.certificateNumber(), user.certificateExpiresOn());
	}

	/** The membership of a user just created (never of one who existed before). */
	private Member member(AgencyView agency, NewAgencyUser user, boolean created, String by) {
		if (!created) {
			throw new InvalidInputException("username", "'%s' is taken".formatted(user.username()));
		}
		this.jdbc.sql("""
				INSERT INTO casework_agency_members (username, agency_id, added_at, added_by)
				VALUES (:username, :agency, :now, :by)""")
			.param("username", user.username())
			.param("agency", agency.id())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", by)
			.update();
		this.members.forget(user.username());
		return new Member(user.username(), user.displayName(), user.role(), true);
	}

	/** The agency's users, by name. */
	@Transactional(readOnly = true)
	public List<Member> members(String code) {
		AgencyView agency = get(code);
		List<String> names = this.jdbc
			.sql("SELECT username FROM casework_agency_members WHERE agency_id = :agency ORDER BY username")
			.param("agency", agency.id())
			.query(String.class)
			.list();
		return names.stream()
			.map((name) -> this.users.find(name)
				.map((u) -> new Member(u.username(), u.displayName(),
						u.has(Role.TEAM_LEAD) ? Role.TEAM_LEAD : Role.AGENT, u.enabled()))
				.orElse(new Member(name, name, Role.AGENT, false)))
			.toList();
	}

	private static AgencyView view(ResultSet rs, int n) throws SQLException {
		return new AgencyView(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getString("country"), rs.getString("email"), rs.getString("phone"),
				rs.getBigDecimal("commission_rate")
					.stripTrailingZeros()
					.setScale(Math.max(2, rs.getBigDecimal("commission_rate").stripTrailingZeros().scale())),
				rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

	/**
	 * A user of an agency.
	 *
	 * @param role {@link Role#AGENT} for an agent, {@link Role#TEAM_LEAD} for the
	 * agency's manager
	 */
	public record Member(String username, String displayName, Role role, boolean enabled) {
	}

}

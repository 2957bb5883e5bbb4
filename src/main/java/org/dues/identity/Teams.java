package org.dues.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams of agents under a lead. The team's queues hold the accounts its agents share.
 */
@Service
public class Teams {

	private final JdbcClient jdbc;

	private final Clock clock;

	Teams(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Creates a team, led by a team lead or manager. */
	@Transactional
	public TeamView create(String name, @Nullable String lead) {
		String clean = (name == null) ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 80) {
			throw new InvalidInputException("name", "a team needs a name of at most 80 characters");
		}
		String leader = (lead == null || lead.isBlank()) ? null : lead.strip();
		if (leader != null) {
			requireUser(leader);
		}
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("INSERT INTO identity_teams (id, name, lead, created_at) VALUES (:id, :name, :lead, :now)")
				.param("id", id)
				.param("name", clean)
				.param("lead", leader)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("a team named '%s' exists".formatted(clean));
		}
		return get(id);
	}

	/** Adds a user to a team; adding a member again changes nothing. */
	@Transactional
	public void addMember(UUID team, String username) {
		get(team);
		requireUser(username);
		this.jdbc.sql("""
				INSERT INTO identity_team_members (team_id, username) VALUES (:team, :username)
				ON CONFLICT DO NOTHING""").param("team", team).param("username", username).update();
	}

	/** Takes a user out of a team. */
	@Transactional
	public void removeMember(UUID team, String username) {
		this.jdbc.sql("DELETE FROM identity_team_members WHERE team_id = :team AND username = :username")
			.param("team", team)
			.param("username", username)
			.update();
	}

	public TeamView get(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE t.id = :id")
			.param("id", id)
			.query((rs, n) -> view(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("team", id));
	}

	public List<TeamView> all() {
		return this.jdbc.sql(SELECT + " ORDER BY t.name").query((rs, n) -> view(rs)).list();
	}

	/** The ids of the teams a user belongs to or leads. */
	public List<UUID> teamsOf(String username) {
		return this.jdbc.sql("""
				SELECT team_id FROM identity_team_members WHERE username = :u
				UNION SELECT id FROM identity_teams WHERE lead = :u""").param("u", username).query(UUID.class).list();
	}

	/**
	 * The members of the teams the user leads, or empty when they lead none.
	 */
	private java.util.Set<String> membersLedBy(String lead) {
		return new java.util.HashSet<>(this.jdbc.sql("""
				SELECT m.username FROM identity_team_members m JOIN identity_teams t ON t.id = m.team_id
				WHERE t.lead = :u""").param("u", lead).query(String.class).list());
	}

	/**
	 * Whom a supervisor answers for: a manager or administrator the whole floor; a team
	 * lead the members and queues of the teams they lead, and nobody while they lead none
	 * (losing a team never widens what a lead reaches).
	 */
	public Scope scopeOf(String username, java.util.Collection<Role> roles) {
		if (roles.contains(Role.MANAGER) || roles.contains(Role.ADMIN)) {
			return new Scope(true, java.util.Set.of(), java.util.Set.of());
		}
		List<UUID> led = ledBy(username);
		return new Scope(false, membersLedBy(username), java.util.Set.copyOf(led));
	}

	/**
	 * A supervisor's scope.
	 *
	 * @param all the whole floor
	 * @param members the agents answered for, when not all
	 * @param teams the teams answered for, when not all
	 */
	public record Scope(boolean all, java.util.Set<String> members, java.util.Set<UUID> teams) {

		public boolean covers(String agent) {
			return this.all || this.members.contains(agent);
		}

		public boolean coversTeam(UUID team) {
			return this.all || this.teams.contains(team);
		}

	}

	/** The ids of the teams the user leads. */
	private List<UUID> ledBy(String lead) {
		return this.jdbc.sql("SELECT id FROM identity_teams WHERE lead = :u").param("u", lead).query(UUID.class).list();
	}

	private void requireUser(String username) {
		boolean exists = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity_users WHERE username = :u)")
			.param("u", username)
			.query(Boolean.class)
			.single();
		if (!exists) {
			throw new InvalidInputException("username", "there is no user '%s'".formatted(username));
		}
	}

	private static final String SELECT = """
			SELECT t.id, t.name, t.lead,
			    ARRAY(SELECT m.username FROM identity_team_members m WHERE m.team_id = t.id ORDER BY m.username) AS members
			FROM identity_teams t""";

	private static TeamView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new TeamView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
				Arrays.asList((String[]) rs.getArray(4).getArray()));
	}

	/** A team with its lead and members. */
	public record TeamView(UUID id, String name, @Nullable String lead, List<String> members) {
	}

}

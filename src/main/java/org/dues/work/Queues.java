package org.dues.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team queues: a lead's filters over the accounts no agent owns (and the accounts a lead
 * added by hand, {@link QueueView#selection}), and the order the team's agents take them
 * in. An owned account is its agent's alone; a pooled one is in every queue whose filters
 * it matches or that it was added to.
 */
@Service
public class Queues {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Teams teams;

	private final Clock clock;

	private final Duration retryAfter;

	private final UserManagement users;

	private final QueueChecks checks;

	private final QueueHistory history;

	private final QueueCounts counts;

	Queues(JdbcClient jdbc, Teams teams, UserManagement users, Clock clock, QueueChecks checks, QueueHistory history,
			@Value("${dues.work.retry-after:PT4H}") Duration retryAfter, QueueCounts counts) {
		this.counts = counts;
		this.users = users;
		this.checks = checks;
		this.history = history;
		this.retryAfter = retryAfter;
		this.jdbc = jdbc;
		this.teams = teams;
		this.clock = clock;
	}

	/**
	 * Defines a queue for a team and lists its accounts.
	 * @throws InvalidInputException naming the field when the name is missing or a filter
	 * names what does not exist (a bucket none of the creditors' schemes has)
	 */
	@Transactional
	public QueueView define(UUID team, String name, QueueFilters filters, QueueSort sort, int priority, String by) {
		this.teams.get(team);
		String clean = name(name);
		this.checks.check(filters);
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("""
					INSERT INTO work_queues (id, team_id, name, filters, sort, priority, created_by, created_at)
					VALUES (:id, :team, :name, CAST(:filters AS jsonb), :sort, :priority, :by, :now)""")
				.param("id", id)
				.param("team", team)
				.param("name", clean)
				.param("filters", JSON.writeValueAsString(filters))
				.param("sort", sort.name())
				.param("priority", priority)
				.param("by", by)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("the team has a queue named '%s'".formatted(clean));
		}
		QueueView queue = get(id);
		this.history.record(null, queue, by);
		refreshMembers(queue);
		this.counts.recount(List.of(queue));
		return queue;
	}

	/**
	 * Changes a queue's name, filters, order and priority, or pauses or resumes it,
	 * records who did and what changed, and lists its accounts again; a change that
	 * changes nothing writes nothing. Filters are checked as in {@link #define} when they
	 * change.
	 * @param version the version the change was made on, or null to change whatever is
	 * there
	 * @throws StaleQueueException when the queue is no longer at {@code version}
	 */
	@Transactional
	public QueueView change(UUID id, @Nullable Integer version, QueueState to, String by) {
		QueueView before = locked(id, version);
		String name = name(to.name());
		if (!before.filters().equals(to.filters())) {
			this.checks.check(to.filters());
		}
		QueueView after = new QueueView(id, before.teamId(), before.teamName(), name, to.filters(), to.sort(),
				to.priority(), to.active(), before.createdBy(), before.version() + 1);
		if (QueueHistory.changed(before, after).isEmpty()) {
			return before;
		}
		try {
			this.jdbc.sql("""
					UPDATE work_queues SET name = :name, filters = CAST(:filters AS jsonb), sort = :sort,
					    priority = :priority, active = :active, version = version + 1 WHERE id = :id""")
				.param("id", id)
				.param("name", name)
				.param("filters", JSON.writeValueAsString(to.filters()))
				.param("sort", to.sort().name())
				.param("priority", to.priority())
				.param("active", to.active())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("the team has a queue named '%s'".formatted(name));
		}
		QueueView queue = get(id);
		this.history.record(before, queue, by);
		refreshMembers(queue);
		this.counts.recount(List.of(queue));
		return queue;
	}

	/**
	 * Deletes a queue and its listing; its history stays. Accounts agents own stay
	 * theirs.
	 * @param version the version the deletion was decided on
	 * @throws StaleQueueException when someone changed the queue since
	 */
	@Transactional
	public void delete(UUID id, int version, String by) {
		QueueView queue = locked(id, version);
		this.history.record(queue, null, by);
		this.jdbc.sql("DELETE FROM work_queues WHERE id = :id").param("id", id).update();
	}

	/**
	 * Who defined, changed, paused, resumed or deleted the queue and when, newest first.
	 */
	@Transactional(readOnly = true)
	public List<QueueChange> history(UUID id) {
		List<QueueChange> changes = this.history.of(id);
		if (changes.isEmpty()) {
			get(id);
		}
		return changes;
	}

	private QueueView locked(UUID id, @Nullable Integer version) {
		QueueView queue = this.jdbc.sql(SELECT + " WHERE q.id = :id FOR UPDATE OF q")
			.param("id", id)
			.query((rs, n) -> view(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("queue", id));
		if (version != null && version != queue.version()) {
			throw new StaleQueueException(queue.version());
		}
		return queue;
	}

	private static String name(@Nullable String name) {
		String clean = (name == null) ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 80) {
			throw new InvalidInputException("name", "a queue needs a name of at most 80 characters");
		}
		return clean;
	}

	/**
	 * Lists again, in the queue's order, the accounts each active queue's filters match
	 * (owned ones too, so an account given back to the pool is in its queues at once); an
	 * inactive queue's list is emptied.
	 * @return how many members the queues have now
	 */
	@Transactional
	public long refreshMembers() {
		long members = 0;
		for (QueueView queue : all()) {
			members += refreshMembers(queue);
		}
		return members;
	}

	/** Lists the queue's accounts again (see {@link #refreshMembers()}). */
	int refreshMembers(QueueView queue) {
		this.jdbc.sql("DELETE FROM work_queue_members WHERE queue_id = :id").param("id", queue.id()).update();
		if (!queue.active()) {
			return 0;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = queue.selection("q_", params);
		params.put("queue", queue.id());
		Instant now = this.clock.instant();
		params.put("now", Timestamp.from(now));
		params.put("retrySince", Timestamp.from(now.minus(this.retryAfter)));
		// accounts leased now, or waiting or resting, are left out until a later listing;
		// so are those in a language nobody in the team speaks, which no ask would take
		List<UserManagement.UserView> members = this.teams.get(queue.teamId())
			.members()
			.stream()
			.flatMap((m) -> this.users.find(m).stream())
			.filter(UserManagement.UserView::enabled)
			.toList();
		String spoken = "";
		if (!members.isEmpty() && members.stream().noneMatch((m) -> m.languages().isEmpty())) {
			spoken = " AND (cu.language IS NULL OR cu.language = ANY(:spoken))";
			params.put("spoken",
					members.stream().flatMap((m) -> m.languages().stream()).distinct().toArray(String[]::new));
		}
		return this.jdbc.sql("""
				INSERT INTO work_queue_members (queue_id, position, account_id)
				SELECT :queue, row_number() OVER (ORDER BY %s), a.id
				FROM portfolio_account_facts a JOIN customer_routing_facts cu ON cu.customer_id = a.customer_id
				WHERE %s AND NOT EXISTS (SELECT 1 FROM work_locks l WHERE l.account_id = a.id AND l.expires_at > :now)
				%s%s""".formatted(queue.sort().sql, where, spoken, NextAccount.waits(queue) ? NextAccount.WAITING : ""))
			.params(params)
			.update();
	}

	public QueueView get(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE q.id = :id")
			.param("id", id)
			.query((rs, n) -> view(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("queue", id));
	}

	/** Every queue, by team, priority and name. */
	public List<QueueView> all() {
		return this.jdbc.sql(SELECT + " ORDER BY t.name, q.priority, q.name").query((rs, n) -> view(rs)).list();
	}

	/** The active queues of the teams the user works in, by priority. */
	public List<QueueView> of(String username) {
		List<UUID> teamIds = this.teams.teamsOf(username);
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " WHERE q.team_id IN (:teams) AND q.active ORDER BY q.priority, q.name")
			.param("teams", teamIds)
			.query((rs, n) -> view(rs))
			.list();
	}

	/**
	 * How many pooled accounts the queue holds now, and the most days past due among them
	 * (how old its oldest debt is).
	 */
	@Transactional(readOnly = true)
	public Size size(UUID id) {
		QueueView queue = get(id);
		Map<String, Object> params = new LinkedHashMap<>();
		String where = queue.selection("q_", params);
		return this.jdbc.sql("""
				SELECT count(*), max(a.days_past_due)
				FROM portfolio_account_facts a JOIN customer_routing_facts cu ON cu.customer_id = a.customer_id
				LEFT JOIN work_assignments w ON w.account_id = a.id
				WHERE w.agent IS NULL AND %s""".formatted(where))
			.params(params)
			.query((rs, n) -> new Size(rs.getLong(1), rs.getObject(2, Integer.class)))
			.single();
	}

	/** The first pooled accounts of the queue in its order, for a lead checking it. */
	@Transactional(readOnly = true)
	public List<UUID> preview(UUID id, int limit) {
		QueueView queue = get(id);
		Map<String, Object> params = new LinkedHashMap<>();
		String where = queue.selection("q_", params);
		params.put("limit", limit);
		return this.jdbc
			.sql("""
					SELECT a.id FROM portfolio_account_facts a JOIN customer_routing_facts cu ON cu.customer_id = a.customer_id
					LEFT JOIN work_assignments w ON w.account_id = a.id
					WHERE w.agent IS NULL AND %s ORDER BY %s LIMIT :limit"""
				.formatted(where, queue.sort().sql))
			.params(params)
			.query(UUID.class)
			.list();
	}

	private static final String SELECT = """
			SELECT q.id, q.team_id, t.name AS team_name, q.name, q.filters::text AS filters, q.sort, q.priority,
			    q.active, q.created_by, q.version
			FROM work_queues q JOIN identity_team_facts t ON t.id = q.team_id""";

	/**
	 * An account worked outside the house (parked with an agency's pool by
	 * {@link ExternalWork}) is in no in-house queue: an uncorrelated list, hashed once.
	 */
	static final String NOT_EXTERNAL = "a.id NOT IN (SELECT xa.account_id FROM work_external_accounts xa)";

	private static QueueView view(ResultSet rs) throws SQLException {
		return new QueueView(rs.getObject("id", UUID.class), rs.getObject("team_id", UUID.class),
				rs.getString("team_name"), rs.getString("name"),
				JSON.readValue(rs.getString("filters"), QueueFilters.class), QueueSort.valueOf(rs.getString("sort")),
				rs.getInt("priority"), rs.getBoolean("active"), rs.getString("created_by"), rs.getInt("version"));
	}

	/**
	 * A queue. Lower priority numbers are worked first; the version rises with every
	 * change.
	 */
	public record QueueView(UUID id, UUID teamId, String teamName, String name, QueueFilters filters, QueueSort sort,
			int priority, boolean active, String createdBy, int version) {

		/**
		 * Which accounts the queue holds, as a SQL condition on {@code a}
		 * (portfolio_account_facts) and {@code cu} (customer_routing_facts): an account
		 * of one of its statuses that its filters match, or that a lead added to it by
		 * hand ({@code work_queue_includes}), unless it is worked outside the house
		 * ({@link Queues#NOT_EXTERNAL}); whether it is pooled is for the caller to ask.
		 * Its parameters go into {@code params} named with the prefix.
		 */
		String selection(String prefix, Map<String, Object> params) {
			String filters = this.filters.sql(prefix, params);
			params.put(prefix + "queue", this.id);
			// an uncorrelated IN: PostgreSQL hashes the (usually empty) list once
			return "((" + filters + " OR (a.status = ANY(:" + prefix + "statuses) AND a.id IN (SELECT qi.account_id"
					+ " FROM work_queue_includes qi WHERE qi.queue_id = :" + prefix + "queue))) AND " + NOT_EXTERNAL
					+ ")";
		}

	}

	/** What a queue is set to: what a change sets and its history keeps. */
	public record QueueState(String name, QueueFilters filters, QueueSort sort, int priority, boolean active) {

		/** The queue as it is, to change a part of. */
		public static QueueState of(QueueView queue) {
			return new QueueState(queue.name(), queue.filters(), queue.sort(), queue.priority(), queue.active());
		}

		public QueueState active(boolean active) {
			return new QueueState(this.name, this.filters, this.sort, this.priority, active);
		}

	}

	/**
	 * One change of a queue: {@code DEFINED}, {@code CHANGED}, {@code PAUSED},
	 * {@code RESUMED} or {@code DELETED}, the names of the settings that changed
	 * ({@code name}, {@code buckets}, {@code balanceMin}, {@code sort}…), the queue
	 * before and after, who and when.
	 */
	public record QueueChange(String action, List<String> changed, @Nullable QueueState before,
			@Nullable QueueState after, String by, Instant at) {
	}

	/**
	 * A queue's size and its oldest debt: the most days past due among its pooled
	 * accounts (null when it has none).
	 */
	public record Size(long accounts, @Nullable Integer oldestDaysPastDue) {
	}

}

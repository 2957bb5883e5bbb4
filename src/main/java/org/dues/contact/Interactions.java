package org.dues.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactFacts.Interaction;
import org.dues.compliance.ContactResult;
import org.dues.compliance.Direction;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.customer.CustomerId;
import org.dues.portfolio.AccountId;
import org.dues.shared.PhraseJson;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The interaction tables: writes and the reads decisions and timelines need.
 */
@Component
class Interactions {

	private static final String SELECT = """
			SELECT i.*, ARRAY(SELECT d.account_id FROM contact_interaction_debts d WHERE d.interaction_id = i.id
			                  ORDER BY d.account_id = i.account_id DESC, d.account_id) AS debts
			FROM contact_interactions i""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	Interactions(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Serialises decisions about one person until the transaction ends, so two agents
	 * cannot both take the last call a limit allows.
	 */
	void lockPerson(CustomerId customer) {
		lockPeople(List.of(customer));
	}

	/**
	 * Takes the locks of {@link #lockPerson} for several people in one statement, in the
	 * order of their ids (as every caller takes them), so two batches cannot deadlock.
	 */
	void lockPeople(java.util.Collection<CustomerId> customers) {
		String[] keys = customers.stream().map((c) -> c.value().toString()).distinct().sorted().toArray(String[]::new);
		if (keys.length == 0) {
			return;
		}
		this.jdbc.sql("""
				SELECT count(pg_advisory_xact_lock(hashtext('contact:' || k)))
				FROM (SELECT k FROM unnest(CAST(:keys AS text[])) WITH ORDINALITY AS t(k, n) ORDER BY n) ordered""")
			.param("keys", keys)
			.query()
			.singleRow();
	}

	void insert(InteractionView view, Instant recordedAt) {
		insertAll(List.of(view), recordedAt);
	}

	/** Inserts interactions and their debts, in two batched statements. */
	void insertAll(List<InteractionView> views, Instant recordedAt) {
		if (views.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(views.size());
		List<Object[]> debts = new ArrayList<>(views.size());
		for (InteractionView view : views) {
			rows.add(new Object[] { view.id(), view.customerId().value(), view.accountId().value(),
					view.channel().name(), view.address(), view.direction().name(), view.role().name(),
					view.purpose().name(), view.status().name(), (view.result() == null) ? null : view.result().name(),
					Timestamp.from(view.startedAt()), Timestamp.from(recordedAt), view.agent(), view.note(),
					view.decisionId(), view.blockedReason(), PhraseJson.write(view.noteSaid()) });
			for (AccountId debt : view.debts()) {
				debts.add(new Object[] { view.id(), debt.value() });
			}
		}
		this.batch.batchUpdate("""
				INSERT INTO contact_interactions (id, customer_id, account_id, channel, address, direction, role,
				    purpose, status, result, started_at, recorded_at, agent, note, decision_id, blocked_reason,
				    note_said)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""", rows);
		this.batch.batchUpdate("INSERT INTO contact_interaction_debts (interaction_id, account_id) VALUES (?, ?)",
				debts);
	}

	/**
	 * Sets the result of an attempt logged without one; false when it already has one.
	 */
	boolean complete(UUID id, ContactResult result, @Nullable String note) {
		return this.jdbc.sql("""
				UPDATE contact_interactions SET result = :result, note = COALESCE(:note, note)
				WHERE id = :id AND result IS NULL AND status = 'LOGGED'""")
			.param("result", result.name())
			.param("note", note)
			.param("id", id)
			.update() == 1;
	}

	@Nullable InteractionView find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE i.id = :id")
			.param("id", id)
			.query(Interactions::view)
			.optional()
			.orElse(null);
	}

	/** The interactions about an account, newest first. */
	List<InteractionView> aboutAccount(AccountId account, int limit) {
		return this.jdbc.sql(SELECT + """
				 WHERE i.id IN (SELECT interaction_id FROM contact_interaction_debts WHERE account_id = :account)
				ORDER BY i.started_at DESC, i.recorded_at DESC LIMIT :limit""")
			.param("account", account.value())
			.param("limit", limit)
			.query(Interactions::view)
			.list();
	}

	/**
	 * The history a decision reads: the person's interactions that happened (not blocked
	 * ones) since a moment, oldest first. For a third party, only those with that
	 * address.
	 */
	List<Interaction> history(CustomerId customer, PersonRole role, @Nullable String address, Instant since) {
		StringBuilder sql = new StringBuilder(
				"""
						SELECT i.started_at, i.channel, i.direction, i.result, i.address,
						       ARRAY(SELECT d.account_id::text FROM contact_interaction_debts d WHERE d.interaction_id = i.id)
						           AS debts
						FROM contact_interactions i
						WHERE i.customer_id = :customer AND i.status = 'LOGGED' AND i.role = :role AND i.started_at >= :since""");
		if (role == PersonRole.THIRD_PARTY) {
			sql.append(" AND i.address IS NOT DISTINCT FROM :address");
		}
		sql.append(" ORDER BY i.started_at");
		var statement = this.jdbc.sql(sql.toString())
			.param("customer", customer.value())
			.param("role", role.name())
			.param("since", Timestamp.from(since));
		if (role == PersonRole.THIRD_PARTY) {
			statement = statement.param("address", address);
		}
		return statement.query((rs, n) -> interaction(rs)).list();
	}

	/** A row of the history reads as a decision's fact. */
	private static Interaction interaction(ResultSet rs) throws SQLException {
		return new Interaction(rs.getTimestamp("started_at").toInstant(), Channel.valueOf(rs.getString("channel")),
				Direction.valueOf(rs.getString("direction")), Set.of((String[]) rs.getArray("debts").getArray()),
				(rs.getString("result") == null) ? null : ContactResult.valueOf(rs.getString("result")),
				rs.getString("address"));
	}

	/**
	 * The consumer histories of many people since a moment, as {@link #history} reads
	 * each, in one read; every person asked about has an entry.
	 */
	Map<CustomerId, List<Interaction>> consumerHistories(java.util.Collection<CustomerId> customers, Instant since) {
		Map<CustomerId, List<Interaction>> histories = new HashMap<>();
		customers.forEach((c) -> histories.put(c, new ArrayList<>()));
		if (customers.isEmpty()) {
			return histories;
		}
		this.jdbc.sql("""
				SELECT i.customer_id, i.started_at, i.channel, i.direction, i.result, i.address,
				       ARRAY(SELECT d.account_id::text FROM contact_interaction_debts d WHERE d.interaction_id = i.id)
				           AS debts
				FROM contact_interactions i
				WHERE i.customer_id = ANY(:customers) AND i.status = 'LOGGED' AND i.role = 'CONSUMER'
				  AND i.started_at >= :since
				ORDER BY i.started_at""")
			.param("customers", customers.stream().map(CustomerId::value).distinct().toArray(UUID[]::new))
			.param("since", Timestamp.from(since))
			.query((rs, n) -> {
				histories.get(new CustomerId(rs.getObject("customer_id", UUID.class))).add(interaction(rs));
				return n;
			})
			.list();
		return histories;
	}

	private static InteractionView view(ResultSet rs, int row) throws SQLException {
		List<AccountId> debts = new ArrayList<>();
		for (UUID id : new LinkedHashSet<>(Arrays.asList((UUID[]) rs.getArray("debts").getArray()))) {
			debts.add(new AccountId(id));
		}
		return new InteractionView(rs.getObject("id", UUID.class),
				new AccountId(rs.getObject("account_id", UUID.class)),
				new CustomerId(rs.getObject("customer_id", UUID.class)), debts,
				Channel.valueOf(rs.getString("channel")), rs.getString("address"),
				Direction.valueOf(rs.getString("direction")), PersonRole.valueOf(rs.getString("role")),
				Purpose.valueOf(rs.getString("purpose")), InteractionStatus.valueOf(rs.getString("status")),
				(rs.getString("result") == null) ? null : ContactResult.valueOf(rs.getString("result")),
				rs.getTimestamp("started_at").toInstant(), rs.getString("agent"), rs.getString("note"),
				rs.getObject("decision_id", UUID.class), rs.getString("blocked_reason"),
				PhraseJson.read(rs.getString("note_said")));
	}

}

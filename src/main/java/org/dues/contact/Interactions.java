package org.dues.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.jspecify.annotations.Nullable;

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

	Interactions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises decisions about one person until the transaction ends, so two agents
	 * cannot both take the last call a limit allows.
	 */
	void lockPerson(CustomerId customer) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('contact:' || :customer))")
			.param("customer", customer.value().toString())
			.query()
			.singleRow();
	}

	void insert(InteractionView view, Instant recordedAt) {
		this.jdbc.sql("""
				INSERT INTO contact_interactions (id, customer_id, account_id, channel, address, direction, role,
				    purpose, status, result, started_at, recorded_at, agent, note, decision_id, blocked_reason)
				VALUES (:id, :customer, :account, :channel, :address, :direction, :role, :purpose, :status, :result,
				    :started, :recorded, :agent, :note, :decision, :blocked)""")
			.param("id", view.id())
			.param("customer", view.customerId().value())
			.param("account", view.accountId().value())
			.param("channel", view.channel().name())
			.param("address", view.address())
			.param("direction", view.direction().name())
			.param("role", view.role().name())
			.param("purpose", view.purpose().name())
			.param("status", view.status().name())
			.param("result", (view.result() == null) ? null : view.result().name())
			.param("started", Timestamp.from(view.startedAt()))
			.param("recorded", Timestamp.from(recordedAt))
			.param("agent", view.agent())
			.param("note", view.note())
			.param("decision", view.decisionId())
			.param("blocked", view.blockedReason())
			.update();
		for (AccountId debt : view.debts()) {
			this.jdbc.sql("INSERT INTO contact_interaction_debts (interaction_id, account_id) VALUES (:i, :a)")
				.param("i", view.id())
				.param("a", debt.value())
				.update();
		}
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
		return statement
			.query((rs, n) -> new Interaction(rs.getTimestamp("started_at").toInstant(),
					Channel.valueOf(rs.getString("channel")), Direction.valueOf(rs.getString("direction")),
					Set.of((String[]) rs.getArray("debts").getArray()),
					(rs.getString("result") == null) ? null : ContactResult.valueOf(rs.getString("result")),
					rs.getString("address")))
			.list();
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
				rs.getObject("decision_id", UUID.class), rs.getString("blocked_reason"));
	}

}

package org.dues.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and locks the visits' rows. */
@Component
class VisitRows {

	static final String COLUMNS = """
			v.id, v.account_id, v.customer_id, v.reason, v.source, v.due_on, v.address, v.postal_code, v.agent,
			v.status, v.requested_at, v.requested_by, v.checked_in_at, v.latitude, v.longitude, v.accuracy_m,
			v.interaction_id, v.outcome, v.outcome_at, v.outcome_note, v.arrangement_id, v.payment_id,
			v.cheque_number, v.receipt_number""";

	private final JdbcClient jdbc;

	VisitRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<VisitView> find(VisitId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM casework_visits v WHERE v.id = :id")
			.param("id", id.value())
			.query((rs, n) -> view(rs))
			.optional();
	}

	/** The visit, its row locked for the change the caller makes. */
	Optional<VisitView> lock(VisitId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM casework_visits v WHERE v.id = :id FOR UPDATE")
			.param("id", id.value())
			.query((rs, n) -> view(rs))
			.optional();
	}

	/** The visits that meet the condition (on {@code v}), in route order. */
	List<VisitView> where(String condition, Map<String, Object> params) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM casework_visits v WHERE " + condition
					+ " ORDER BY v.due_on, v.agent NULLS FIRST, v.postal_code NULLS LAST, v.address, v.requested_at")
			.params(params)
			.query((rs, n) -> view(rs))
			.list();
	}

	/** The visit checked in at the moment, at the position, as the interaction. */
	void checkedIn(VisitId id, Instant at, VisitCheckIns.@Nullable Position position, UUID interaction) {
		this.jdbc.sql("""
				UPDATE casework_visits SET status = 'CHECKED_IN', checked_in_at = :at, latitude = :lat,
				    longitude = :lon, accuracy_m = :accuracy, interaction_id = :interaction
				WHERE id = :id""")
			.param("at", Timestamp.from(at))
			.param("lat", (position == null) ? null : position.latitude())
			.param("lon", (position == null) ? null : position.longitude())
			.param("accuracy", (position == null) ? null : position.accuracyMetres())
			.param("interaction", interaction)
			.param("id", id.value())
			.update();
	}

	static VisitView view(ResultSet rs) throws SQLException {
		String outcome = rs.getString("outcome");
		return new VisitView(new VisitId(rs.getObject("id", UUID.class)),
				new AccountId(rs.getObject("account_id", UUID.class)), rs.getObject("customer_id", UUID.class),
				rs.getString("reason"), rs.getString("source"), rs.getObject("due_on", LocalDate.class),
				rs.getString("address"), rs.getString("postal_code"), rs.getString("agent"),
				VisitStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("requested_at")),
				rs.getString("requested_by"), instant(rs.getTimestamp("checked_in_at")), rs.getBigDecimal("latitude"),
				rs.getBigDecimal("longitude"), rs.getBigDecimal("accuracy_m"),
				rs.getObject("interaction_id", UUID.class), (outcome == null) ? null : VisitOutcome.valueOf(outcome),
				instant(rs.getTimestamp("outcome_at")), rs.getString("outcome_note"),
				rs.getObject("arrangement_id", UUID.class), rs.getObject("payment_id", UUID.class),
				rs.getString("cheque_number"), rs.getString("receipt_number"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp == null) ? null : timestamp.toInstant();
	}

}

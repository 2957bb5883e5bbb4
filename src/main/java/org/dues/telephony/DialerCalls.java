package org.dues.telephony;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A campaign's calls in {@code telephony_calls}, as the dialer sees them. */
@Repository
class DialerCalls {

	private static final String COLUMNS = """
			id, campaign_id, account_id, customer_number, provider, status, amd_result, end_cause, claimed_by,
			created_at, answered_at, bridged_at, ended_at, abandoned_at""";

	private final JdbcClient jdbc;

	DialerCalls(JdbcClient jdbc, Calls all) {
		this.jdbc = jdbc;
		this.all = all;
	}

	@Nullable Dialled find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM telephony_calls WHERE id = ?")
			.param(id)
			.query(DialerCalls::read)
			.optional()
			.orElse(null);
	}

	private final Calls all;

	/** The call as telephony keeps it, for its provider. */
	@Nullable CallView view(UUID id) {
		return this.all.find(id);
	}

	/** The call locked for this transaction. */
	@Nullable Dialled lock(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM telephony_calls WHERE id = ? FOR UPDATE")
			.param(id)
			.query(DialerCalls::read)
			.optional()
			.orElse(null);
	}

	/** The campaign's calls not yet settled: ringing, answered, talking, or ended. */
	List<Dialled> open(long campaign) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM telephony_calls WHERE campaign_id = ? AND settled_at IS NULL"
					+ " ORDER BY created_at")
			.param(campaign)
			.query(DialerCalls::read)
			.list();
	}

	/**
	 * The campaign's settled calls placed since then, oldest first (a history replayed).
	 */
	List<Dialled> settledSince(long campaign, Instant since) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM telephony_calls WHERE campaign_id = ? AND settled_at IS NOT NULL"
					+ " AND created_at >= ? ORDER BY created_at")
			.params(campaign, Timestamp.from(since))
			.query(DialerCalls::read)
			.list();
	}

	void claimed(UUID id, String agent) {
		this.jdbc.sql("UPDATE telephony_calls SET claimed_by = ?, agent = ? WHERE id = ?")
			.params(agent, agent, id)
			.update();
	}

	void abandoned(UUID id, Instant at) {
		this.jdbc.sql("UPDATE telephony_calls SET abandoned_at = coalesce(abandoned_at, ?) WHERE id = ?")
			.params(Timestamp.from(at), id)
			.update();
	}

	boolean settle(UUID id, Instant at) {
		return this.jdbc.sql("UPDATE telephony_calls SET settled_at = ? WHERE id = ? AND settled_at IS NULL")
			.params(Timestamp.from(at), id)
			.update() == 1;
	}

	/** Today's figures of a campaign since {@code from}. */
	Figures figures(long campaign, Instant from) {
		return this.jdbc
			.sql("""
					SELECT count(*) AS dials,
					       count(*) FILTER (WHERE bridged_at IS NOT NULL) AS connects,
					       count(*) FILTER (WHERE amd_result = 'HUMAN') AS live,
					       count(*) FILTER (WHERE amd_result = 'HUMAN' AND bridged_at IS NULL AND ended_at IS NOT NULL) AS abandons,
					       count(*) FILTER (WHERE ended_at IS NULL) AS lines
					FROM telephony_calls WHERE campaign_id = ? AND created_at >= ?""")
			.params(campaign, Timestamp.from(from))
			.query((rs, n) -> new Figures(rs.getLong("dials"), rs.getLong("connects"), rs.getLong("live"),
					rs.getLong("abandons"), rs.getLong("lines")))
			.single();
	}

	private static Dialled read(ResultSet rs, int n) throws SQLException {
		long campaign = rs.getLong("campaign_id");
		Long campaignId = rs.wasNull() ? null : campaign;
		String cause = rs.getString("end_cause");
		return new Dialled(rs.getObject("id", UUID.class), campaignId, rs.getObject("account_id", UUID.class),
				rs.getString("customer_number"), rs.getString("provider"), rs.getString("status"),
				rs.getString("amd_result"), (cause == null) ? null : CallEvent.EndCause.valueOf(cause),
				rs.getString("claimed_by"), instant(rs, "created_at"), instantOrNull(rs, "answered_at"),
				instantOrNull(rs, "bridged_at"), instantOrNull(rs, "ended_at"), instantOrNull(rs, "abandoned_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t == null) ? null : t.toInstant();
	}

	/** A campaign's call. */
	record Dialled(UUID id, @Nullable Long campaignId, UUID accountId, String number, String provider, String status,
			@Nullable String amd, CallEvent.@Nullable EndCause cause, @Nullable String claimedBy, Instant createdAt,
			@Nullable Instant answeredAt, @Nullable Instant bridgedAt, @Nullable Instant endedAt,
			@Nullable Instant abandonedAt) {

		/** A person answered and nobody has taken, abandoned or ended it yet. */
		boolean waiting() {
			return "HUMAN".equals(this.amd) && this.claimedBy == null && this.abandonedAt == null
					&& this.endedAt == null && this.bridgedAt == null;
		}

		/** Still ringing: placed, not answered nor ended. */
		boolean ringing() {
			return this.answeredAt == null && this.endedAt == null;
		}

		/** A person answered and was never connected to an agent. */
		boolean abandon() {
			return "HUMAN".equals(this.amd) && this.bridgedAt == null && this.endedAt != null;
		}

	}

	/** A campaign's figures over a period. */
	record Figures(long dials, long connects, long liveAnswers, long abandons, long lines) {

		double abandonRate() {
			return (this.liveAnswers == 0) ? 0 : (double) this.abandons / this.liveAnswers;
		}

	}

}

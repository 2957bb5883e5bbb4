package org.dues.telephony;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code telephony_calls} and {@code telephony_call_events} tables. */
@Repository
class Calls {

	private static final String COLUMNS = """
			id, provider, provider_call_id, account_id, interaction_id, customer_number, agent, agent_number,
			caller_id, status, disclosure, callback_token, created_at, ended_at, amd_result, end_cause,
			recording_url, recording_seconds""";

	private final JdbcClient jdbc;

	Calls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(CallView call, @Nullable Long campaignId) {
		this.jdbc.sql("""
				INSERT INTO telephony_calls (id, provider, account_id, interaction_id, customer_number, agent,
				    agent_number, caller_id, direction, status, recorded, disclosure, callback_token, created_at,
				    campaign_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OUTBOUND', 'PLACED', ?, ?, ?, ?, ?)""")
			.params(call.id(), call.provider(), call.accountId(), call.interactionId(), call.customerNumber(),
					call.agent(), call.agentNumber(), call.callerId(), call.recorded(), call.disclosure(),
					call.callbackToken(), Timestamp.from(call.createdAt()), campaignId)
			.update();
	}

	void providerCallId(UUID id, String providerCallId) {
		this.jdbc.sql("UPDATE telephony_calls SET provider_call_id = ? WHERE id = ? AND provider_call_id IS NULL")
			.params(providerCallId, id)
			.update();
	}

	@Nullable CallView find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM telephony_calls WHERE id = ?")
			.param(id)
			.query(Calls::row)
			.optional()
			.orElse(null);
	}

	/** The call the provider knows by that id. */
	/**
	 * The provider's calls placed before the moment that have not ended, oldest first.
	 */
	java.util.List<CallView> unfinished(String provider, Instant placedBefore) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM telephony_calls WHERE provider = ? AND ended_at IS NULL AND created_at < ?
				ORDER BY created_at""")
			.params(provider, java.sql.Timestamp.from(placedBefore))
			.query(Calls::row)
			.list();
	}

	@Nullable CallView find(String provider, String providerCallId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM telephony_calls WHERE provider = ? AND provider_call_id = ?")
			.params(provider, providerCallId)
			.query(Calls::row)
			.optional()
			.orElse(null);
	}

	/** The call, locked for this transaction. */
	@Nullable CallView lock(String provider, @Nullable UUID id, @Nullable String providerCallId) {
		if (id != null) {
			return this.jdbc.sql("SELECT " + COLUMNS + " FROM telephony_calls WHERE id = ? AND provider = ? FOR UPDATE")
				.params(id, provider)
				.query(Calls::row)
				.optional()
				.orElse(null);
		}
		if (providerCallId == null) {
			return null;
		}
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM telephony_calls WHERE provider = ? AND provider_call_id = ? FOR UPDATE")
			.params(provider, providerCallId)
			.query(Calls::row)
			.optional()
			.orElse(null);
	}

	/** Records the event as taken, unless one with its key was taken before. */
	boolean takeOnce(String provider, String eventKey, @Nullable String providerCallId, UUID callId, CallEvent event,
			Instant at) {
		return this.jdbc.sql("""
				INSERT INTO telephony_call_events (provider, event_key, provider_call_id, call_id, kind, outcome,
				    detail, received_at)
				VALUES (?, ?, ?, ?, ?, 'TAKEN', ?, ?)
				ON CONFLICT (provider, event_key) WHERE outcome = 'TAKEN' DO NOTHING""")
			.params(provider, eventKey, providerCallId, callId, event.kind().name(), detail(event), Timestamp.from(at))
			.update() == 1;
	}

	void record(String provider, @Nullable String eventKey, @Nullable String providerCallId, @Nullable UUID callId,
			@Nullable String kind, String outcome, @Nullable String detail, Instant at) {
		this.jdbc.sql("""
				INSERT INTO telephony_call_events (provider, event_key, provider_call_id, call_id, kind, outcome,
				    detail, received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(provider, eventKey, providerCallId, callId, kind, outcome, detail, Timestamp.from(at))
			.update();
	}

	/** Applies the event to the call's row; statuses only move forward. */
	void apply(UUID id, CallEvent event, Instant at) {
		Timestamp ts = Timestamp.from(at);
		switch (event.kind()) {
			case RINGING -> this.jdbc.sql("""
					UPDATE telephony_calls SET ringing_at = coalesce(ringing_at, ?),
					    status = CASE WHEN status = 'PLACED' THEN 'RINGING' ELSE status END WHERE id = ?""")
				.params(ts, id)
				.update();
			case ANSWERED_HUMAN,
					ANSWERED_MACHINE ->
				this.jdbc.sql("""
						UPDATE telephony_calls SET answered_at = coalesce(answered_at, ?), amd_result = ?,
						    status = CASE WHEN status IN ('PLACED', 'RINGING') THEN 'ANSWERED' ELSE status END
						WHERE id = ?""")
					.params(ts, event.kind() == CallEvent.Kind.ANSWERED_HUMAN ? "HUMAN" : "MACHINE", id)
					.update();
			case BRIDGED -> this.jdbc.sql("""
					UPDATE telephony_calls SET bridged_at = coalesce(bridged_at, ?),
					    answered_at = coalesce(answered_at, ?), amd_result = coalesce(amd_result, 'HUMAN'),
					    status = CASE WHEN status = 'ENDED' THEN status ELSE 'BRIDGED' END WHERE id = ?""")
				.params(ts, ts, id)
				.update();
			case ENDED -> this.jdbc.sql("""
					UPDATE telephony_calls SET ended_at = coalesce(ended_at, ?), status = 'ENDED',
					    end_cause = coalesce(end_cause, ?) WHERE id = ?""")
				.params(ts, String.valueOf(event.cause()), id)
				.update();
			case RECORDING ->
				this.jdbc.sql("UPDATE telephony_calls SET recording_url = ?, recording_seconds = ? WHERE id = ?")
					.params(event.recordingUrl(), event.recordingSeconds(), id)
					.update();
		}
	}

	/** {@code OUTBOUND} or {@code INBOUND}. */
	String direction(UUID id) {
		return this.jdbc.sql("SELECT direction FROM telephony_calls WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	@Nullable Instant bridgedAt(UUID id) {
		return this.jdbc.sql("SELECT bridged_at FROM telephony_calls WHERE id = ?").param(id).query((rs, n) -> {
			Timestamp t = rs.getTimestamp(1);
			return t == null ? null : t.toInstant();
		}).optional().orElse(null);
	}

	/** How many events were recorded with the outcome for the provider. */
	int count(String provider, String outcome) {
		return this.jdbc.sql("SELECT count(*) FROM telephony_call_events WHERE provider = ? AND outcome = ?")
			.params(provider, outcome)
			.query(Integer.class)
			.single();
	}

	private static @Nullable String detail(CallEvent event) {
		if (event.cause() != null) {
			return event.cause().name();
		}
		return event.recordingUrl();
	}

	private static CallView row(ResultSet rs, int n) throws SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		String cause = rs.getString("end_cause");
		int seconds = rs.getInt("recording_seconds");
		Integer recordingSeconds = rs.wasNull() ? null : seconds;
		return new CallView(rs.getObject("id", UUID.class), rs.getString("provider"), rs.getString("provider_call_id"),
				rs.getObject("account_id", UUID.class), rs.getObject("interaction_id", UUID.class),
				rs.getString("customer_number"), rs.getString("agent"), rs.getString("agent_number"),
				rs.getString("caller_id"), rs.getString("status"), rs.getString("disclosure"),
				rs.getString("callback_token"), rs.getTimestamp("created_at").toInstant(),
				ended == null ? null : ended.toInstant(), rs.getString("amd_result"),
				cause == null ? null : CallEvent.EndCause.valueOf(cause), rs.getString("recording_url"),
				recordingSeconds);
	}

}

package org.dues.telephony;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls' recordings: each kept when its provider reports it ({@code RECORDING}), linked
 * to its call and so to the call's attempt (interaction) on the account; every play
 * logged (who, when, which) in the append-only {@code telephony_recording_access}, which
 * compliance reads; and kept for {@code dues.telephony.recordings.retention} (180 days by
 * default), after which a scheduled purge drops the recording's link to its media and
 * logs that it did.
 */
@Service
public class Recordings {

	private static final Logger log = LoggerFactory.getLogger(Recordings.class);

	/** Who the access log names for the retention purge. */
	public static final String RETENTION = "retention";

	private static final String COLUMNS = """
			r.id, r.call_id, r.account_id, r.interaction_id, r.provider, r.url, r.seconds, r.agent, r.direction,
			r.recorded_at, r.purged_at""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration retention;

	Recordings(JdbcClient jdbc, Clock clock, @Value("${dues.telephony.recordings.retention:180d}") Duration retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
	}

	/** How long recordings are kept. */
	public Duration retention() {
		return this.retention;
	}

	/** Keeps the call's recording (once per call; a later report replaces the link). */
	void store(CallView call, String direction, String url, @Nullable Integer seconds, Instant at) {
		this.jdbc
			.sql("""
					INSERT INTO telephony_recordings (id, call_id, account_id, interaction_id, provider, url, seconds, agent,
					    direction, recorded_at)
					VALUES (:id, :call, :account, :interaction, :provider, :url, :seconds, :agent, :direction, :at)
					ON CONFLICT (call_id) DO UPDATE SET url = EXCLUDED.url, seconds = EXCLUDED.seconds
					WHERE telephony_recordings.purged_at IS NULL""")
			.param("id", UUID.randomUUID())
			.param("call", call.id())
			.param("account", call.accountId())
			.param("interaction", call.interactionId())
			.param("provider", call.provider())
			.param("url", url)
			.param("seconds", seconds)
			.param("agent", call.agent())
			.param("direction", direction)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * The account's recordings, newest first; those of one agent's calls only when
	 * {@code onlyOf} names them.
	 */
	@Transactional(readOnly = true)
	public List<RecordingView> ofAccount(AccountId account, @Nullable String onlyOf) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM telephony_recordings r WHERE r.account_id = :account"
					+ (onlyOf == null ? "" : " AND r.agent = :agent") + " ORDER BY r.recorded_at DESC, r.id")
			.param("account", account.value())
			.params(onlyOf == null ? Map.of() : Map.of("agent", onlyOf))
			.query(Recordings::row)
			.list();
	}

	/**
	 * @throws NotFoundException when there is no such recording
	 */
	@Transactional(readOnly = true)
	public RecordingView get(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM telephony_recordings r WHERE r.id = :id")
			.param("id", id)
			.query(Recordings::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("recording", id));
	}

	/**
	 * Logs that the user is playing the recording, and gives it.
	 * @throws NotFoundException when there is no such recording or it was purged
	 */
	@Transactional
	public RecordingView play(UUID id, String user) {
		RecordingView recording = get(id);
		if (recording.url() == null) {
			throw new NotFoundException("recording", id);
		}
		access(recording.id(), recording.accountId(), user, "PLAYED", this.clock.instant());
		return recording;
	}

	/** The latest entries of the access log, newest first. */
	@Transactional(readOnly = true)
	public List<Access> accessLog(int limit) {
		return this.jdbc.sql("""
				SELECT a.recording_id, a.account_id, a.username, a.action, a.at, r.call_id, r.agent
				FROM telephony_recording_access a JOIN telephony_recordings r ON r.id = a.recording_id
				ORDER BY a.at DESC, a.id DESC LIMIT :limit""")
			.param("limit", limit)
			.query((rs, n) -> new Access(rs.getObject("recording_id", UUID.class),
					rs.getObject("account_id", UUID.class), rs.getObject("call_id", UUID.class), rs.getString("agent"),
					rs.getString("username"), rs.getString("action"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	/**
	 * Drops the links to the media of every recording older than the retention (and the
	 * call's copy of it), logging each purge.
	 * @return how many were purged
	 */
	@Transactional
	public int purgeExpired() {
		Instant now = this.clock.instant();
		List<Object[]> purged = this.jdbc.sql("""
				UPDATE telephony_recordings SET url = NULL, purged_at = :now
				WHERE purged_at IS NULL AND recorded_at < :before RETURNING id, account_id, call_id""")
			.param("now", Timestamp.from(now))
			.param("before", Timestamp.from(now.minus(this.retention)))
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
							rs.getObject(3, UUID.class) })
			.list();
		for (Object[] row : purged) {
			access((UUID) row[0], (UUID) row[1], RETENTION, "PURGED", now);
			this.jdbc.sql("UPDATE telephony_calls SET recording_url = NULL WHERE id = :id")
				.param("id", row[2])
				.update();
		}
		if (!purged.isEmpty()) {
			log.info("Purged {} recordings older than {}", purged.size(), this.retention);
		}
		return purged.size();
	}

	private void access(UUID recording, @Nullable UUID account, String user, String action, Instant at) {
		this.jdbc.sql("""
				INSERT INTO telephony_recording_access (recording_id, account_id, username, action, at)
				VALUES (:recording, :account, :user, :action, :at)""")
			.param("recording", recording)
			.param("account", account)
			.param("user", user)
			.param("action", action)
			.param("at", Timestamp.from(at))
			.update();
	}

	private static RecordingView row(ResultSet rs, int n) throws SQLException {
		int seconds = rs.getInt("seconds");
		Integer length = rs.wasNull() ? null : seconds;
		Timestamp purged = rs.getTimestamp("purged_at");
		return new RecordingView(rs.getObject("id", UUID.class), rs.getObject("call_id", UUID.class),
				rs.getObject("account_id", UUID.class), rs.getObject("interaction_id", UUID.class),
				rs.getString("provider"), rs.getString("url"), length, rs.getString("agent"), rs.getString("direction"),
				rs.getTimestamp("recorded_at").toInstant(), purged == null ? null : purged.toInstant());
	}

	/**
	 * A call's recording.
	 *
	 * @param url where its media is; null once purged
	 * @param agent the agent on the call
	 * @param direction {@code OUTBOUND} or {@code INBOUND}
	 */
	public record RecordingView(UUID id, UUID callId, @Nullable UUID accountId, @Nullable UUID interactionId,
			String provider, @Nullable String url, @Nullable Integer seconds, @Nullable String agent, String direction,
			Instant recordedAt, @Nullable Instant purgedAt) {
	}

	/**
	 * One entry of the access log.
	 *
	 * @param username who played it ({@value #RETENTION} for a purge)
	 * @param action {@code PLAYED} or {@code PURGED}
	 */
	public record Access(UUID recordingId, @Nullable UUID accountId, UUID callId, @Nullable String agent,
			String username, String action, Instant at) {
	}

}

package org.dues.compliance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The compliance audit trail: append-only and hash-chained. Each record's hash covers the
 * previous record's hash and every field of its own, so changing, removing or reordering
 * any record breaks the chain from there on, and {@link #verify()} finds the first broken
 * link. Records are written in the transaction of the change they describe, linked onto
 * the chain as it commits under a transaction-scoped advisory lock, so the chain has no
 * forks and never holds a record of a change that was rolled back.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PAGE = 5_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Appends a record in the caller's transaction (one is required).
	 * @param actor who did it
	 * @param action what was done ({@code HOLD_PLACED}, {@code DECISION}, …)
	 * @param subject what it was done to ({@code customer:…}, {@code account:…})
	 * @param payload the details, stored as JSON text exactly as hashed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, String action, String subject, Map<String, ?> payload) {
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Pending pending = new Pending(at, actor, action, subject, JSON.writeValueAsString(payload));
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			append(List.of(pending));
			return;
		}
		// the transaction's appender (synchronizations, unlike other thread-bound state,
		// are set aside while an inner REQUIRES_NEW transaction runs)
		Appender appender = TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.filter((sync) -> sync instanceof Appender mine && mine.trail() == this)
			.map(Appender.class::cast)
			.findFirst()
			.orElseGet(() -> {
				Appender fresh = new Appender(this, new ArrayList<>());
				TransactionSynchronizationManager.registerSynchronization(fresh);
				return fresh;
			});
		List<Pending> queued = appender.records();
		queued.add(pending);
	}

	/**
	 * Links the transaction's records onto the chain just before it commits: the lock
	 * that keeps the chain free of forks is then held only for these inserts and the
	 * commit, not for the whole of the work they describe, so contacts recorded at once
	 * by many agents do not queue behind each other's decisions.
	 */
	private void append(List<Pending> records) {
		if (records.isEmpty()) {
			return;
		}
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('compliance_audit'))").query().singleRow();
		record Last(long seq, String hash) {
		}
		Last last = this.jdbc.sql("SELECT seq, hash FROM compliance_audit ORDER BY seq DESC LIMIT 1")
			.query(Last.class)
			.optional()
			.orElse(new Last(0, GENESIS));
		long seq = last.seq();
		String previous = last.hash();
		for (Pending record : records) {
			seq++;
			String hash = hash(previous, seq, record.at(), record.actor(), record.action(), record.subject(),
					record.payload());
			this.jdbc.sql("""
					INSERT INTO compliance_audit (seq, recorded_at, actor, action, subject, payload, prev_hash, hash)
					VALUES (:seq, :at, :actor, :action, :subject, :payload, :prev, :hash)""")
				.param("seq", seq)
				.param("at", java.sql.Timestamp.from(record.at()))
				.param("actor", record.actor())
				.param("action", record.action())
				.param("subject", record.subject())
				.param("payload", record.payload())
				.param("prev", previous)
				.param("hash", hash)
				.update();
			previous = hash;
		}
	}

	/** Links a transaction's records onto the chain just before it commits. */
	private record Appender(AuditTrail trail, List<Pending> records) implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			this.trail.append(this.records);
		}

	}

	/** A record waiting for its transaction to commit. */
	private record Pending(Instant at, String actor, String action, String subject, String payload) {
	}

	/**
	 * Walks the whole chain in order, recomputing every hash.
	 * @return how many records were checked and the first broken link, if any
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		String previous = GENESIS;
		long expectedSeq = 1;
		long checked = 0;
		while (true) {
			List<Entry> page = this.jdbc.sql("""
					SELECT seq, recorded_at, actor, action, subject, payload, prev_hash, hash FROM compliance_audit
					WHERE seq >= :from ORDER BY seq LIMIT :page""")
				.param("from", expectedSeq)
				.param("page", PAGE)
				.query((rs, n) -> new Entry(rs.getLong("seq"), rs.getTimestamp("recorded_at").toInstant(),
						rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("payload"),
						rs.getString("prev_hash"), rs.getString("hash")))
				.list();
			for (Entry entry : page) {
				String problem = null;
				if (entry.seq() != expectedSeq) {
					problem = "record %d is missing".formatted(expectedSeq);
				}
				else if (!entry.prevHash().equals(previous)) {
					problem = "record %d does not carry the hash of record %d".formatted(entry.seq(), entry.seq() - 1);
				}
				else if (!entry.hash()
					.equals(hash(previous, entry.seq(), entry.at(), entry.actor(), entry.action(), entry.subject(),
							entry.payload()))) {
					problem = "record %d has been altered: its content no longer matches its hash"
						.formatted(entry.seq());
				}
				if (problem != null) {
					return new Verification(checked, false, expectedSeq, problem);
				}
				previous = entry.hash();
				expectedSeq++;
				checked++;
			}
			if (page.size() < PAGE) {
				return new Verification(checked, true, null, "All %d records chain correctly".formatted(checked));
			}
		}
	}

	/** The latest records, newest first, for the compliance page. */
	@Transactional(readOnly = true)
	public List<Entry> latest(int limit) {
		return this.jdbc.sql("""
				SELECT seq, recorded_at, actor, action, subject, payload, prev_hash, hash FROM compliance_audit
				ORDER BY seq DESC LIMIT :limit""")
			.param("limit", limit)
			.query((rs, n) -> new Entry(rs.getLong("seq"), rs.getTimestamp("recorded_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("payload"),
					rs.getString("prev_hash"), rs.getString("hash")))
			.list();
	}

	static String hash(String previous, long seq, Instant at, String actor, String action, String subject,
			String payload) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String canonical = String.join("\n", previous, Long.toString(seq), at.toString(), actor, action, subject,
					payload);
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A record of the trail. */
	public record Entry(long seq, Instant at, String actor, String action, String subject, String payload,
			String prevHash, String hash) {
	}

	/**
	 * The result of walking the chain.
	 *
	 * @param checked how many records chained correctly before the first broken one
	 * @param intact whether the whole chain is intact
	 * @param firstBroken the sequence number of the first broken record
	 * @param message what was found
	 */
	public record Verification(long checked, boolean intact, @Nullable Long firstBroken, String message) {
	}

}

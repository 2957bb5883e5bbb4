package org.dues.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * The compliance audit trail: append-only and chained with a key kept outside the
 * database. Each record's tag (HMAC-SHA256 under the {@link AuditKey}) covers the
 * previous record's tag and every field of its own, so changing, removing or reordering
 * any record breaks the chain from there on, and nobody without the key can recompute it;
 * an anchor outside the database ({@link AuditAnchor}) names the last record it saw, so a
 * cut tail shows too. {@link #verify()} finds the first broken link or the missing tail.
 * Records are written in the transaction of the change they describe, linked onto the
 * chain as it commits under a transaction-scoped advisory lock, so the chain has no forks
 * and never holds a record of a change that was rolled back. Records written before the
 * key existed keep their plain SHA-256 hashes and are checked that way, up to the record
 * that introduced the key.
 */
@Service
public class AuditTrail {

	static final String GENESIS = AuditChain.GENESIS;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final AuditChain chain;

	private final AuditAnchor anchor;

	private final AuditBoundary boundary;

	private final AuditKey key;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, AuditChain chain, AuditAnchor anchor, AuditBoundary boundary, AuditKey key,
			Clock clock) {
		this.jdbc = jdbc;
		this.chain = chain;
		this.anchor = anchor;
		this.boundary = boundary;
		this.key = key;
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
		recordJson(actor, action, subject, JSON.writeValueAsString(payload));
	}

	/**
	 * {@link #record} with the payload already written as JSON text (the gate writes its
	 * decisions' by hand, thousands a batch); stored and hashed exactly as given.
	 */
	void recordJson(String actor, String action, String subject, String payload) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			// as record's MANDATORY: the chain is linked under a lock held to the commit
			throw new org.springframework.transaction.IllegalTransactionStateException(
					"an audit record needs the transaction of the change it describes");
		}
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		AuditChain.Pending pending = new AuditChain.Pending(at, actor, action, subject, payload);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.chain.append(List.of(pending));
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
		List<AuditChain.Pending> queued = appender.records();
		queued.add(pending);
	}

	/** Links a transaction's records onto the chain just before it commits. */
	private record Appender(AuditTrail trail, List<AuditChain.Pending> records) implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			if (!this.records.isEmpty()) {
				this.trail.chain.append(this.records);
			}
		}

	}

	/**
	 * Walks the whole chain in order, checking every link and tag, and compares it with
	 * the anchor kept outside the database.
	 * @return how many records were checked and the first broken link or the missing
	 * tail, if any
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		AuditAnchor.Reading reading = this.anchor.read();
		AuditBoundary.Reading bounds = this.boundary.read();
		AuditAnchor.Anchor anchored = reading.anchor();
		AuditBoundary.Boundary known = bounds.boundary();
		Long anchoredSeq = (anchored != null) ? anchored.seq() : null;
		Instant anchoredAt = (anchored != null) ? anchored.at() : null;
		AuditChain.Walk walk = this.chain.walk(1, GENESIS, anchored, known);
		if (walk.problem() != null) {
			return new Verification(walk.checked(), false, walk.broken(), walk.problem(), anchoredSeq, anchoredAt);
		}
		if (reading.problem() != null) {
			return new Verification(walk.checked(), false, null, reading.problem(), null, null);
		}
		if (bounds.problem() != null) {
			return new Verification(walk.checked(), false, null, bounds.problem(), anchoredSeq, anchoredAt);
		}
		if (anchored != null && anchored.seq() > walk.last()) {
			return new Verification(walk.checked(), false, walk.last() + 1, anchored.tailMissing(walk.last()),
					anchoredSeq, anchoredAt);
		}
		if (known != null && known.seq() > walk.last()) {
			return new Verification(walk.checked(), false, walk.last() + 1,
					"the audit key was introduced after record %d (key boundary of %s); the trail ends at %d"
						.formatted(known.seq(), known.at(), walk.last()),
					null, null);
		}
		if (anchored == null
				&& (known != null || this.chain.keyedFrom() != null || (this.key.present() && walk.checked() > 0))) {
			// once the key is in the trail, an anchor must be: without one a cut tail
			// would pass
			String message = (known == null && this.chain.keyedFrom() == null)
					? ("the audit key exists, but neither its boundary %s nor an anchor does: the %d records written "
							+ "without the key may have been rewritten without it; %s")
						.formatted(this.boundary.file().getFileName(), walk.checked(), this.anchor.missing())
					: this.anchor.missing();
			return new Verification(walk.checked(), false, null, message, null, null);
		}
		String message = "All %d records chain correctly".formatted(walk.checked());
		message += (anchored != null)
				? "; the anchor of %s saw record %d as it stands".formatted(anchored.at(), anchored.seq())
				: "; they were written before the audit key and there is no anchor yet, so a cut tail could not be seen";
		return new Verification(walk.checked(), true, null, message, anchoredSeq, anchoredAt);
	}

	/** The latest records, newest first, for the compliance page. */
	@Transactional(readOnly = true)
	public List<Entry> latest(int limit) {
		return this.jdbc.sql("""
				SELECT seq, recorded_at, actor, action, subject, payload, prev_hash, hash, scheme FROM compliance_audit
				ORDER BY seq DESC LIMIT :limit""").param("limit", limit).query(AuditTrail::entry).list();
	}

	static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Entry(rs.getLong("seq"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("subject"), rs.getString("payload"), rs.getString("prev_hash"),
				rs.getString("hash"), rs.getInt("scheme"));
	}

	/**
	 * A record of the trail.
	 *
	 * @param hash its tag: HMAC-SHA256 under the audit key, or for records written before
	 * the key existed ({@code scheme} 1) a plain SHA-256 hash
	 * @param scheme 1 for a plain SHA-256 hash, 2 for a keyed tag
	 */
	public record Entry(long seq, Instant at, String actor, String action, String subject, String payload,
			String prevHash, String hash, int scheme) {
	}

	/** A record's place in the chain: its sequence number and tag. */
	record Link(long seq, String hash) {
	}

	/**
	 * The result of walking the chain.
	 *
	 * @param checked how many records chained correctly before the first broken one
	 * @param intact whether the whole chain is intact
	 * @param firstBroken the sequence number of the first broken record
	 * @param message what was found: the first broken link, or the missing tail ("the
	 * anchor of … saw record N with hash H; the trail ends at M")
	 * @param anchoredSeq the last record the anchor outside the database saw, if any
	 * @param anchoredAt when that anchor was written
	 */
	public record Verification(long checked, boolean intact, @Nullable Long firstBroken, String message,
			@Nullable Long anchoredSeq, @Nullable Instant anchoredAt) {
	}

}

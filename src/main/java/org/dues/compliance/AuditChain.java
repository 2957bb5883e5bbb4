package org.dues.compliance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit chain as stored: how a record is linked on, and how a stretch of the chain is
 * checked. Records of scheme 2 carry an HMAC-SHA256 tag under the {@link AuditKey}
 * covering the previous record's tag and every field of their own, so nobody without the
 * key can recompute the chain after changing, removing or reordering a record. Records of
 * scheme 1 (written before the key existed) carry a plain SHA-256 hash; they are accepted
 * only before the first keyed record, which introduces the key in the chain itself
 * ({@value #KEY_INTRODUCED}).
 */
@Component
class AuditChain {

	static final String GENESIS = "0".repeat(64);

	/** A plain SHA-256 hash: records written before the audit key existed. */
	static final int SHA256 = 1;

	/** An HMAC-SHA256 tag under the audit key. */
	static final int HMAC = 2;

	static final String KEY_INTRODUCED = "AUDIT_KEY_INTRODUCED";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PAGE = 5_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final AuditKey key;

	private final Clock clock;

	AuditChain(JdbcClient jdbc, JdbcTemplate batch, AuditKey key, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.key = key;
		this.clock = clock;
	}

	/** The last keyed record's tag, if any. */
	Optional<String> lastTag() {
		return this.jdbc.sql("SELECT hash FROM compliance_audit WHERE scheme = :hmac ORDER BY seq DESC LIMIT 1")
			.param("hmac", HMAC)
			.query(String.class)
			.optional();
	}

	/**
	 * Appends the record that introduces the key after the last unkeyed record, in the
	 * caller's transaction.
	 */
	void introduceKey(long unkeyedRecords) {
		append(List.of(new Pending(this.clock.instant().truncatedTo(ChronoUnit.MICROS), "system", KEY_INTRODUCED,
				"audit:chain", JSON.writeValueAsString(Map.of("scheme", "HMAC-SHA256", "keyedFrom", unkeyedRecords + 1,
						"unkeyedRecords", unkeyedRecords)))));
	}

	/** The last record, with its scheme, if there is one. */
	Optional<Stored> last() {
		return this.jdbc.sql("SELECT seq, hash, scheme FROM compliance_audit ORDER BY seq DESC LIMIT 1")
			.query((rs, n) -> new Stored(rs.getLong("seq"), rs.getString("hash"), rs.getInt("scheme")))
			.optional();
	}

	/** The tag a record carries as its predecessor's, if the record exists. */
	Optional<String> previousOf(long seq) {
		return this.jdbc.sql("SELECT prev_hash FROM compliance_audit WHERE seq = :seq")
			.param("seq", seq)
			.query(String.class)
			.optional();
	}

	/**
	 * Links records onto the chain, in the caller's transaction, under the lock that
	 * keeps the chain free of forks. The key is introduced only at start
	 * ({@link AuditKeyIntroduction}), never here: records linked after unkeyed ones that
	 * lie beyond the key's boundary do not make those pass.
	 */
	void append(List<Pending> records) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('compliance_audit'))").query().singleRow();
		Optional<Stored> last = last();
		List<Pending> all = new ArrayList<>(records);
		long seq = last.map(Stored::seq).orElse(0L);
		String previous = last.map(Stored::hash).orElse(GENESIS);
		List<Object[]> rows = new ArrayList<>(all.size());
		for (Pending record : all) {
			seq++;
			String tag = this.key.tag(keyedText(previous, seq, record.at(), record.actor(), record.action(),
					record.subject(), record.payload()));
			rows.add(new Object[] { seq, Timestamp.from(record.at()), record.actor(), record.action(), record.subject(),
					record.payload(), previous, tag, HMAC });
			previous = tag;
		}
		// one batch: a dispatch of messages links hundreds of decisions at once
		this.batch.batchUpdate(
				"""
						INSERT INTO compliance_audit (seq, recorded_at, actor, action, subject, payload, prev_hash, hash, scheme)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				rows);
	}

	/** The last record's sequence number and tag, if there is one. */
	Optional<AuditTrail.Link> head() {
		return this.jdbc.sql("SELECT seq, hash FROM compliance_audit ORDER BY seq DESC LIMIT 1")
			.query((rs, n) -> new AuditTrail.Link(rs.getLong("seq"), rs.getString("hash")))
			.optional();
	}

	/** The first keyed record's sequence number, if any. */
	@Nullable Long keyedFrom() {
		return this.jdbc.sql("SELECT min(seq) FROM compliance_audit WHERE scheme = :hmac")
			.param("hmac", HMAC)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Checks the chain from a record on to its end.
	 * @param from the first record to check
	 * @param previous the tag the first record must carry as its previous one, or null to
	 * take it as stored (a stretch starting at an anchored record)
	 * @param anchor an anchor whose record must be found as it saw it, if any
	 * @param boundary where the key was introduced, if known: no unkeyed record lies
	 * beyond it
	 */
	Walk walk(long from, @Nullable String previous, AuditAnchor.@Nullable Anchor anchor,
			AuditBoundary.@Nullable Boundary boundary) {
		Long keyedFrom = null;
		long expected = from;
		long checked = 0;
		String prev = previous;
		while (true) {
			List<AuditTrail.Entry> page = this.jdbc
				.sql("""
						SELECT seq, recorded_at, actor, action, subject, payload, prev_hash, hash, scheme FROM compliance_audit
						WHERE seq >= :from ORDER BY seq LIMIT :page""")
				.param("from", expected)
				.param("page", PAGE)
				.query(AuditTrail::entry)
				.list();
			for (AuditTrail.Entry entry : page) {
				if (keyedFrom == null && entry.scheme() == HMAC) {
					keyedFrom = entry.seq();
				}
				String problem = problem(entry, expected, (prev == null) ? entry.prevHash() : prev, keyedFrom, anchor,
						boundary);
				if (problem != null) {
					return new Walk(checked, expected - 1, prev, expected, problem);
				}
				prev = entry.hash();
				expected++;
				checked++;
			}
			if (page.size() < PAGE) {
				return new Walk(checked, expected - 1, prev, null, null);
			}
		}
	}

	private @Nullable String problem(AuditTrail.Entry entry, long expected, String previous, @Nullable Long keyedFrom,
			AuditAnchor.@Nullable Anchor anchor, AuditBoundary.@Nullable Boundary boundary) {
		long seq = entry.seq();
		if (seq != expected) {
			return "record %d is missing".formatted(expected);
		}
		if (!entry.prevHash().equals(previous)) {
			return "record %d does not carry the hash of record %d".formatted(seq, seq - 1);
		}
		if (entry.scheme() == SHA256) {
			if (keyedFrom != null) {
				return "record %d is unkeyed, but the key was introduced at record %d: it was rewritten without the key"
					.formatted(seq, keyedFrom);
			}
			if (anchor != null && anchor.keyedFrom() != null && seq >= anchor.keyedFrom()) {
				return ("record %d is unkeyed, but the anchor of %s saw the trail keyed from record %d on: "
						+ "it was rewritten without the key")
					.formatted(seq, anchor.at(), anchor.keyedFrom());
			}
			if (boundary != null && seq > boundary.seq()) {
				return ("record %d is unkeyed, but the audit key was introduced after record %d (key boundary of %s): "
						+ "it was rewritten without the key")
					.formatted(seq, boundary.seq(), boundary.at());
			}
			if (!entry.hash().equals(sha256(entry))) {
				return "record %d has been altered: its content no longer matches its hash".formatted(seq);
			}
			if (boundary != null && seq == boundary.seq() && !entry.hash().equals(boundary.hash())) {
				return "record %d is not the last record before the audit key (key boundary of %s): it had hash %s"
					.formatted(seq, boundary.at(), boundary.hash());
			}
		}
		else if (entry.scheme() == HMAC) {
			String text = keyedText(entry.prevHash(), seq, entry.at(), entry.actor(), entry.action(), entry.subject(),
					entry.payload());
			switch (this.key.check(entry.hash(), text)) {
				case VALID -> {
				}
				case MISMATCH -> {
					return "record %d has been altered: its content no longer matches its MAC".formatted(seq);
				}
				case UNKNOWN_KEY -> {
					return ("record %d is keyed with audit key id %s, which the audit key (%s) does not hold: "
							+ "the key is wrong or missing")
						.formatted(seq, AuditKey.keyId(entry.hash()), this.key.source());
				}
				case NO_KEY -> {
					return ("record %d is keyed, but no audit key was found (DUES_AUDIT_KEY, DUES_AUDIT_KEY_FILE or %s)"
							+ ": it cannot be checked")
						.formatted(seq, this.key.source());
				}
			}
		}
		else {
			return "record %d has an unknown scheme %d".formatted(seq, entry.scheme());
		}
		if (anchor != null && seq == anchor.seq() && !entry.hash().equals(anchor.hash())) {
			return "record %d is not the one the anchor of %s saw: it had hash %s".formatted(seq, anchor.at(),
					anchor.hash());
		}
		return null;
	}

	/** What a keyed record's tag covers: every field, unambiguously, and the scheme. */
	static String keyedText(String previous, long seq, Instant at, String actor, String action, String subject,
			String payload) {
		return JSON
			.writeValueAsString(List.of("dues-audit/2", previous, seq, at.toString(), actor, action, subject, payload));
	}

	/** The hash of a record of scheme 1, as the version before the key computed it. */
	static String sha256(AuditTrail.Entry entry) {
		return sha256(entry.prevHash(), entry.seq(), entry.at(), entry.actor(), entry.action(), entry.subject(),
				entry.payload());
	}

	static String sha256(String previous, long seq, Instant at, String actor, String action, String subject,
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

	/** A record waiting for its transaction to commit. */
	record Pending(Instant at, String actor, String action, String subject, String payload) {
	}

	/** A record's place in the chain and its scheme. */
	record Stored(long seq, String hash, int scheme) {
	}

	/**
	 * What a walk found.
	 *
	 * @param checked how many records chained correctly
	 * @param last the last record that did
	 * @param lastHash its tag
	 * @param broken the first broken record, if any
	 * @param problem what is wrong with it
	 */
	record Walk(long checked, long last, @Nullable String lastHash, @Nullable Long broken, @Nullable String problem) {
	}

}

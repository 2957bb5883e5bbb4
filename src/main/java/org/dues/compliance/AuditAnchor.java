package org.dues.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.dues.system.DuesProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's anchor: a checkpoint kept outside the database (by default
 * {@code audit-anchor.json} in the data directory, or {@code DUES_AUDIT_ANCHOR_FILE}),
 * naming the last record's sequence number and tag and MACed with the audit key, so that
 * cutting the trail's tail, or rewriting it, shows against it. It is written at intervals
 * ({@code DUES_AUDIT_ANCHOR_CRON}) and when Dues stops, owner-only and atomically (a new
 * file moved over the old one), and only ever forward: a new anchor is written only when
 * the chain from the previous anchor's record to the end checks out, so a cut or
 * rewritten trail never gets anchored over. Writers of one cluster take turns under a
 * PostgreSQL advisory lock, so nodes sharing one anchor file never move it back.
 *
 * <p>
 * Anchors form a chain of their own: each carries a counter one above the previous
 * anchor's and that anchor's MAC, and each is appended to the {@link AuditAnchorHistory},
 * so an older anchor file put back is seen against the history. The first anchor is
 * written when the key is introduced; a missing anchor is never started afresh by the
 * periodic writer, only by an operator ({@code anchor-audit --reinitialise}), recorded in
 * the trail. With {@code DUES_AUDIT_ANCHOR_LOG} each anchor is also logged at INFO on the
 * logger {@code dues.audit.anchor}, for a log store outside this host to witness.
 */
@Component
class AuditAnchor implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditAnchor.class);

	private static final Logger witness = LoggerFactory.getLogger("dues.audit.anchor");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path file;

	private final AuditAnchorHistory history;

	private final AuditKey key;

	private final AuditChain chain;

	private final AuditBoundary boundary;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean verifyOnly;

	private final boolean logAnchors;

	@Autowired
	AuditAnchor(DuesProperties properties, @Value("${dues.audit.anchor-file:}") String anchorFile, AuditKey key,
			AuditChain chain, AuditBoundary boundary, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			@Value("${dues.verify-audit:false}") boolean verifyOnly,
			@Value("${dues.audit.anchor-log:false}") boolean logAnchors) {
		this(anchorFile.isBlank() ? properties.dataDir().resolve("audit-anchor.json") : Path.of(anchorFile), key, chain,
				boundary, jdbc, transactions, clock, verifyOnly, logAnchors);
	}

	AuditAnchor(Path file, AuditKey key, AuditChain chain, AuditBoundary boundary, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock, boolean verifyOnly, boolean logAnchors) {
		this.file = file;
		this.history = new AuditAnchorHistory(file);
		this.key = key;
		this.chain = chain;
		this.boundary = boundary;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.verifyOnly = verifyOnly;
		this.logAnchors = logAnchors;
	}

	/** Where the anchor is kept. */
	Path file() {
		return this.file;
	}

	/** Where every anchor written is kept, one line each. */
	AuditAnchorHistory history() {
		return this.history;
	}

	/** What to say when the anchor file is missing from a trail that should have one. */
	String missing() {
		return ("the anchor %s is missing, so a cut tail cannot be ruled out; if it was lost, re-anchor the trail "
				+ "with `anchor-audit --reinitialise` once it is known to be good")
			.formatted(this.file.getFileName());
	}

	/**
	 * The anchor, checked against the key and against the anchor history.
	 * @return no anchor and no problem when there is no file; a problem when the file
	 * cannot be read, is not signed by the audit key, or is older than the history's last
	 * anchor (rolled back)
	 */
	Reading read() {
		if (!Files.exists(this.file)) {
			return new Reading(null, null);
		}
		Anchor anchor;
		try {
			anchor = JSON.readValue(Files.readString(this.file), Anchor.class);
		}
		catch (IOException | JacksonException ex) {
			return new Reading(null, "the anchor %s cannot be read as an anchor".formatted(this.file.getFileName()));
		}
		String problem = macProblem(anchor, "the anchor " + this.file.getFileName());
		if (problem == null) {
			problem = historyProblem(anchor);
		}
		return (problem != null) ? new Reading(null, problem) : new Reading(anchor, null);
	}

	private @Nullable String macProblem(Anchor anchor, String what) {
		return switch (this.key.check(anchor.mac(), anchor.signedText())) {
			case VALID -> null;
			case NO_KEY -> "%s cannot be checked: no audit key was found (%s)".formatted(what, this.key.source());
			case UNKNOWN_KEY -> "%s is signed with an audit key id %s that the audit key (%s) does not hold"
				.formatted(what, AuditKey.keyId(anchor.mac()), this.key.source());
			case MISMATCH -> "%s has been altered: it no longer matches its MAC".formatted(what);
		};
	}

	/**
	 * Whether the anchor is the history's last one (or the one after, if the history
	 * append failed).
	 */
	private @Nullable String historyProblem(Anchor anchor) {
		if (anchor.counter() == null) {
			return null;
		}
		String historyName = this.history.file().getFileName().toString();
		Optional<String> line = this.history.last();
		if (line.isEmpty()) {
			return (anchor.counter() > 1) ? "the anchor history %s is missing or empty, but the anchor %s is anchor %d"
				.formatted(historyName, this.file.getFileName(), anchor.counter()) : null;
		}
		Anchor last;
		try {
			last = JSON.readValue(line.get(), Anchor.class);
		}
		catch (JacksonException ex) {
			return "the anchor history %s cannot be read: its last line is not an anchor".formatted(historyName);
		}
		String altered = macProblem(last, "the last line of the anchor history " + historyName);
		if (altered != null) {
			return altered;
		}
		long lastCounter = (last.counter() != null) ? last.counter() : 0;
		if (lastCounter > anchor.counter()) {
			return ("the anchor %s has been rolled back: it is anchor %d of %s (record %d), but the anchor history %s "
					+ "holds anchor %d of %s (record %d)")
				.formatted(this.file.getFileName(), anchor.counter(), anchor.at(), anchor.seq(), historyName,
						lastCounter, last.at(), last.seq());
		}
		if (lastCounter == anchor.counter() && !last.mac().equals(anchor.mac())) {
			return "the anchor %s is not anchor %d of the anchor history %s".formatted(this.file.getFileName(),
					anchor.counter(), historyName);
		}
		if (lastCounter < anchor.counter() - 1
				|| (lastCounter == anchor.counter() - 1 && !last.mac().equals(anchor.previous()))) {
			return "the anchor history %s ends at anchor %d, which the anchor %s (anchor %d) does not follow"
				.formatted(historyName, lastCounter, this.file.getFileName(), anchor.counter());
		}
		return null;
	}

	/**
	 * Anchors the chain's current end, if the chain from the previous anchor on checks
	 * out. Never starts from scratch: without an anchor it refuses (an operator starts
	 * one with {@code anchor-audit --reinitialise}).
	 * @return the new anchor (or the current one when the chain has not moved), or empty
	 * when the chain or the anchor does not check out (logged as an error)
	 */
	Optional<Anchor> write() {
		Optional<Anchor> written = this.transactions.execute((tx) -> {
			lock();
			Reading current = read();
			if (current.problem() != null) {
				log.error("Audit anchor not written: {}", current.problem());
				return Optional.empty();
			}
			Anchor previous = current.anchor();
			if (previous == null) {
				log.error("Audit anchor not written: {}", missing());
				return Optional.empty();
			}
			Optional<AuditTrail.Link> head = this.chain.head();
			long end = head.map(AuditTrail.Link::seq).orElse(0L);
			if (previous.seq() > end) {
				log.error("Audit anchor not written: {}", previous.tailMissing(end));
				return Optional.empty();
			}
			AuditChain.Walk walk = (previous.seq() == 0)
					? this.chain.walk(1, AuditChain.GENESIS, previous, this.boundary.read().boundary())
					: this.chain.walk(previous.seq(), null, previous, this.boundary.read().boundary());
			if (walk.problem() != null) {
				log.error("Audit anchor not written: the trail is broken: {}", walk.problem());
				return Optional.empty();
			}
			if (walk.checked() == 0 || walk.lastHash() == null
					|| (walk.last() == previous.seq() && walk.lastHash().equals(previous.hash()))) {
				return Optional.of(previous);
			}
			Long keyedFrom = (previous.keyedFrom() != null) ? previous.keyedFrom() : this.chain.keyedFrom();
			Anchor next = sign(previous, walk.last(), walk.lastHash(), keyedFrom);
			store(next);
			return Optional.of(next);
		});
		return (written != null) ? written : Optional.empty();
	}

	/** Takes the anchor writers' lock, in the caller's transaction. */
	void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('compliance_audit_anchor'))").query().singleRow();
	}

	/**
	 * Writes a first anchor at the chain's current end (record 0 for an empty trail), in
	 * the caller's transaction under {@link #lock()}, continuing the counter of the
	 * anchor history if there is one. Only for the key's introduction and an operator's
	 * explicit reinitialisation: the caller has checked the chain.
	 */
	Anchor start(long keyedFrom) {
		Optional<AuditTrail.Link> head = this.chain.head();
		Anchor last = this.history.last().flatMap(AuditAnchor::parse).orElse(null);
		Anchor next = sign(last, head.map(AuditTrail.Link::seq).orElse(0L),
				head.map(AuditTrail.Link::hash).orElse(AuditChain.GENESIS), keyedFrom);
		store(next);
		return next;
	}

	private static Optional<Anchor> parse(String line) {
		try {
			return Optional.of(JSON.readValue(line, Anchor.class));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private Anchor sign(@Nullable Anchor previous, long seq, String hash, @Nullable Long keyedFrom) {
		long counter = (previous != null && previous.counter() != null) ? previous.counter() + 1 : 1;
		String previousMac = (previous != null) ? previous.mac() : "";
		Anchor unsigned = new Anchor(counter, previousMac, seq, hash, keyedFrom,
				this.clock.instant().truncatedTo(ChronoUnit.SECONDS), node(), "");
		return new Anchor(counter, previousMac, seq, hash, keyedFrom, unsigned.at(), unsigned.node(),
				this.key.tag(unsigned.signedText()));
	}

	private void store(Anchor anchor) {
		String json = JSON.writeValueAsString(anchor);
		try {
			Path dir = this.file.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Path temp;
			try {
				temp = Files.createTempFile(dir, ".audit-anchor", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				temp = Files.createTempFile(dir, ".audit-anchor", ".tmp");
			}
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.write(java.nio.ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
				channel.force(true);
			}
			try {
				Files.move(temp, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the audit anchor " + this.file, ex);
		}
		// after the anchor: a crash in between leaves the history one behind, which reads
		// as
		// an append that failed, never as a rollback
		this.history.append(json);
		if (this.logAnchors) {
			witness.info("{}", json);
		}
	}

	private static String node() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

	/** On shutdown, the trail as it stands is anchored (not by the verify command). */
	@Override
	public void destroy() {
		if (this.verifyOnly || !this.key.present()) {
			return;
		}
		try {
			write().ifPresent((anchor) -> log.info("Audit trail anchored at record {}", anchor.seq()));
		}
		catch (RuntimeException ex) {
			log.error("Audit anchor not written on shutdown: {}", ex.getMessage());
		}
	}

	/**
	 * A checkpoint of the trail.
	 *
	 * @param counter one above the previous anchor's (1 for the first); absent in anchors
	 * written before anchors were chained
	 * @param previous the previous anchor's MAC, empty for the first
	 * @param seq the last record's sequence number
	 * @param hash its tag
	 * @param keyedFrom the first keyed record, if any then
	 * @param at when it was written
	 * @param node the host that wrote it
	 * @param mac the tag of all of the above under the audit key
	 */
	record Anchor(@Nullable Long counter, @Nullable String previous, long seq, String hash, @Nullable Long keyedFrom,
			Instant at, String node, String mac) {

		String signedText() {
			String keyed = (this.keyedFrom == null) ? "" : this.keyedFrom.toString();
			if (this.counter == null) {
				return JSON.writeValueAsString(List.of("dues-audit-anchor/1", this.seq, this.hash,
						(this.keyedFrom == null) ? "" : this.keyedFrom, this.at.toString(), this.node));
			}
			return JSON.writeValueAsString(
					List.of("dues-audit-anchor/2", this.counter, (this.previous == null) ? "" : this.previous, this.seq,
							this.hash, keyed, this.at.toString(), this.node));
		}

		String tailMissing(long end) {
			return "the anchor of %s saw record %d with hash %s; the trail ends at %d".formatted(this.at, this.seq,
					this.hash, end);
		}

	}

	/** An anchor as read, or what is wrong with its file. */
	record Reading(@Nullable Anchor anchor, @Nullable String problem) {
	}

}

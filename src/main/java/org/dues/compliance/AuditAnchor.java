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
 */
@Component
class AuditAnchor implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditAnchor.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path file;

	private final AuditKey key;

	private final AuditChain chain;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean verifyOnly;

	@Autowired
	AuditAnchor(DuesProperties properties, @Value("${dues.audit.anchor-file:}") String anchorFile, AuditKey key,
			AuditChain chain, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			@Value("${dues.verify-audit:false}") boolean verifyOnly) {
		this(anchorFile.isBlank() ? properties.dataDir().resolve("audit-anchor.json") : Path.of(anchorFile), key, chain,
				jdbc, transactions, clock, verifyOnly);
	}

	AuditAnchor(Path file, AuditKey key, AuditChain chain, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock, boolean verifyOnly) {
		this.file = file;
		this.key = key;
		this.chain = chain;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.verifyOnly = verifyOnly;
	}

	/** Where the anchor is kept. */
	Path file() {
		return this.file;
	}

	/**
	 * The anchor, checked against the key.
	 * @return no anchor and no problem when there is no file yet; a problem when the file
	 * cannot be read or is not signed by the audit key
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
		return switch (this.key.check(anchor.mac(), anchor.signedText())) {
			case VALID -> new Reading(anchor, null);
			case NO_KEY -> new Reading(null, "the anchor %s cannot be checked: no audit key was found (%s)"
				.formatted(this.file.getFileName(), this.key.source()));
			case UNKNOWN_KEY -> new Reading(null,
					"the anchor %s is signed with an audit key id %s that the audit key (%s) "
						.formatted(this.file.getFileName(), AuditKey.keyId(anchor.mac()), this.key.source())
							+ "does not hold");
			case MISMATCH -> new Reading(null,
					"the anchor %s has been altered: it no longer matches its MAC".formatted(this.file.getFileName()));
		};
	}

	/**
	 * Anchors the chain's current end, if the chain from the previous anchor on checks
	 * out (all of it, the first time).
	 * @return the new anchor, or empty when there is nothing to anchor or the chain does
	 * not check out (logged as an error)
	 */
	Optional<Anchor> write() {
		Optional<Anchor> written = this.transactions.execute((tx) -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('compliance_audit_anchor'))").query().singleRow();
			Reading current = read();
			if (current.problem() != null) {
				log.error("Audit anchor not written: {}", current.problem());
				return Optional.empty();
			}
			Optional<AuditTrail.Link> head = this.chain.head();
			if (head.isEmpty()) {
				return Optional.empty();
			}
			Anchor previous = current.anchor();
			if (previous != null && previous.seq() > head.get().seq()) {
				log.error("Audit anchor not written: {}", previous.tailMissing(head.get().seq()));
				return Optional.empty();
			}
			AuditChain.Walk walk = (previous == null) ? this.chain.walk(1, AuditChain.GENESIS, null)
					: this.chain.walk(previous.seq(), null, previous);
			if (walk.problem() != null) {
				log.error("Audit anchor not written: the trail is broken: {}", walk.problem());
				return Optional.empty();
			}
			if (walk.last() == 0 || walk.lastHash() == null
					|| (previous != null && walk.last() == previous.seq() && walk.lastHash().equals(previous.hash()))) {
				return Optional.ofNullable(previous);
			}
			Long keyedFrom = (previous != null && previous.keyedFrom() != null) ? previous.keyedFrom()
					: this.chain.keyedFrom();
			Anchor next = sign(walk.last(), walk.lastHash(), keyedFrom,
					this.clock.instant().truncatedTo(ChronoUnit.SECONDS), node());
			store(next);
			return Optional.of(next);
		});
		return (written != null) ? written : Optional.empty();
	}

	private Anchor sign(long seq, String hash, @Nullable Long keyedFrom, Instant at, String node) {
		Anchor unsigned = new Anchor(seq, hash, keyedFrom, at, node, "");
		return new Anchor(seq, hash, keyedFrom, at, node, this.key.tag(unsigned.signedText()));
	}

	private void store(Anchor anchor) {
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
				channel
					.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsString(anchor).getBytes(StandardCharsets.UTF_8)));
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
	 * @param seq the last record's sequence number
	 * @param hash its tag
	 * @param keyedFrom the first keyed record, if any then
	 * @param at when it was written
	 * @param node the host that wrote it
	 * @param mac the tag of all of the above under the audit key
	 */
	record Anchor(long seq, String hash, @Nullable Long keyedFrom, Instant at, String node, String mac) {

		String signedText() {
			return JSON.writeValueAsString(List.of("dues-audit-anchor/1", this.seq, this.hash,
					(this.keyedFrom == null) ? "" : this.keyedFrom, this.at.toString(), this.node));
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

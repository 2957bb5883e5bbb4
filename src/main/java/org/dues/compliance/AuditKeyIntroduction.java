package org.dues.compliance;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dues.system.DuesProperties;
import org.dues.system.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the audit key into the trail, once: on the start that creates the key (or on an
 * empty trail) it records the key's boundary ({@link AuditBoundary}), appends the record
 * that introduces the key after any records written before it, and writes the first
 * anchor. It never does so on its own where that could pass a forgery off as history (a
 * key that existed before, unkeyed records and no boundary; an anchor history but no
 * anchor): there an operator runs {@code anchor-audit --reinitialise}
 * ({@link #reinitialise}), which checks the whole chain, records itself in the trail and
 * starts the anchor again. On start it also refuses a key that is not the one the chain
 * is keyed with, and warns when the key sits beside the embedded database.
 */
@Component
class AuditKeyIntroduction implements SmartInitializingSingleton {

	static final String REINITIALISED = "AUDIT_ANCHOR_REINITIALISED";

	private static final Logger log = LoggerFactory.getLogger(AuditKeyIntroduction.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditKey key;

	private final AuditChain chain;

	private final AuditAnchor anchor;

	private final AuditBoundary boundary;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Path dataDir;

	private final RuntimeMode mode;

	private final boolean verifyOnly;

	AuditKeyIntroduction(AuditKey key, AuditChain chain, AuditAnchor anchor, AuditBoundary boundary,
			TransactionTemplate transactions, Clock clock, DuesProperties properties, RuntimeMode mode,
			@Value("${dues.verify-audit:false}") boolean verifyOnly) {
		this.key = key;
		this.chain = chain;
		this.anchor = anchor;
		this.boundary = boundary;
		this.transactions = transactions;
		this.clock = clock;
		this.dataDir = properties.dataDir();
		this.mode = mode;
		this.verifyOnly = verifyOnly;
	}

	@Override
	public void afterSingletonsInstantiated() {
		refuseForeignKey();
		if (this.verifyOnly || !this.key.present()) {
			return;
		}
		placementWarning().ifPresent(log::warn);
		this.transactions.executeWithoutResult((tx) -> introduce());
	}

	/**
	 * Refuses a key that is not the one the chain is keyed with (a lost key file replaced
	 * by a new one would otherwise fork the trail's proof).
	 */
	void refuseForeignKey() {
		Optional<String> lastTag = this.chain.lastTag();
		if (lastTag.isPresent() && this.key.present()) {
			Integer id = AuditKey.keyId(lastTag.get());
			if (id != null && !this.key.holds(id)) {
				throw new IllegalStateException(("The audit trail is keyed with audit key id %d, which the audit key "
						+ "(%s) does not hold. %s")
					.formatted(id, this.key.location(), this.key.created()
							? "That key was created just now because none was found: restore the audit key the "
									+ "trail was written with (DUES_AUDIT_KEY or DUES_AUDIT_KEY_FILE)."
							: "Configure the keyset the trail was written with (a rotated keyset keeps its old keys)."));
			}
		}
	}

	/** Introduces the key where that is safe, in the caller's transaction. */
	void introduce() {
		this.anchor.lock();
		AuditBoundary.Reading reading = this.boundary.read();
		if (reading.problem() != null) {
			log.error("Audit trail: {}", reading.problem());
			return;
		}
		AuditBoundary.Boundary known = reading.boundary();
		Optional<AuditChain.Stored> last = this.chain.last();
		Long keyedFrom = this.chain.keyedFrom();
		if (known == null && keyedFrom == null) {
			if (last.isPresent() && !this.key.created()) {
				log.error("The audit trail holds {} records written without the audit key, and the key ({}) was not "
						+ "made by this start, but its boundary {} does not exist: the key is not introduced "
						+ "by itself, because a trail rewritten without the key would look the same. If the trail "
						+ "is known to be good, run `anchor-audit --reinitialise`.", last.get().seq(),
						this.key.location(), this.boundary.file());
				return;
			}
			if (this.anchor.history().exists()) {
				log.error("The audit key's boundary {} does not exist, but the anchor history {} does: anchors were "
						+ "written before and the trail may have been replaced. If it is known to be good, run "
						+ "`anchor-audit --reinitialise`.", this.boundary.file(), this.anchor.history().file());
				return;
			}
			AuditBoundary.Boundary made = this.boundary.establish(last.map(AuditChain.Stored::seq).orElse(0L),
					last.map(AuditChain.Stored::hash).orElse(AuditChain.GENESIS), now());
			last.ifPresent((record) -> this.chain.introduceKey(record.seq()));
			AuditAnchor.Anchor first = this.anchor.start(made.seq() + 1);
			log.info("Audit key introduced after record {}; first anchor at record {}", made.seq(), first.seq());
			return;
		}
		if (known == null) {
			recreateBoundary(keyedFrom);
		}
		else if (keyedFrom == null && last.isPresent()) {
			// the boundary was made, but the start that made it stopped before keying
			AuditChain.Stored end = last.get();
			if (end.seq() != known.seq() || !end.hash().equals(known.hash())) {
				log.error("Audit key not introduced: the trail's last record {} is not the last record before the key "
						+ "(record {} of {}); run verify-audit", end.seq(), known.seq(), this.boundary.file());
				return;
			}
			this.chain.introduceKey(known.seq());
		}
		AuditAnchor.Reading current = this.anchor.read();
		if (current.anchor() == null && current.problem() == null) {
			long end = this.chain.head().map(AuditTrail.Link::seq).orElse(0L);
			if (known != null && !this.anchor.history().exists() && end <= known.seq() + 1) {
				// the first anchor was never written: nothing keyed beyond the
				// introduction
				this.anchor.start(known.seq() + 1);
			}
			else {
				log.error("Audit trail: {}", this.anchor.missing());
			}
		}
		else if (current.problem() != null) {
			log.error("Audit trail: {}", current.problem());
		}
	}

	/**
	 * A keyed trail without its boundary (kept by an earlier version in the anchor only).
	 */
	private void recreateBoundary(long keyedFrom) {
		AuditAnchor.Anchor anchored = this.anchor.read().anchor();
		if (anchored == null || anchored.keyedFrom() == null || anchored.keyedFrom() != keyedFrom) {
			log.error(
					"The audit key's boundary {} is missing and no good anchor tells where the key was introduced; "
							+ "run verify-audit, and `anchor-audit --reinitialise` if the trail is known to be good",
					this.boundary.file());
			return;
		}
		this.boundary.establish(keyedFrom - 1, previousOf(keyedFrom), now());
		log.warn("Recreated the audit key's boundary {} from the anchor of {}", this.boundary.file(), anchored.at());
	}

	private String previousOf(long keyedFrom) {
		return (keyedFrom == 1) ? AuditChain.GENESIS : this.chain.previousOf(keyedFrom).orElseThrow();
	}

	/**
	 * Starts the anchor again after it was lost, at an operator's explicit request:
	 * checks the whole chain (against the key's boundary if there is one), introduces the
	 * key if that is still to be done, records the reinitialisation in the trail and
	 * writes a first anchor continuing the anchor history's counter. A good anchor is
	 * just moved forward.
	 * @param actor who asked
	 * @return what was done, or why not
	 */
	Outcome reinitialise(String actor) {
		AuditAnchor.Reading before = this.anchor.read();
		if (before.anchor() != null) {
			return this.anchor.write()
				.map((a) -> new Outcome(true, "The anchor was good; the trail is anchored at record " + a.seq()))
				.orElseGet(() -> new Outcome(false, "The anchor is good but the trail is not: run verify-audit"));
		}
		Outcome outcome = this.transactions.execute((tx) -> {
			this.anchor.lock();
			AuditBoundary.Reading reading = this.boundary.read();
			if (reading.problem() != null) {
				return new Outcome(false, reading.problem());
			}
			AuditBoundary.Boundary known = reading.boundary();
			AuditChain.Walk walk = this.chain.walk(1, AuditChain.GENESIS, null, known);
			if (walk.problem() != null) {
				return new Outcome(false, "the trail is broken: " + walk.problem());
			}
			if (known != null && walk.last() < known.seq()) {
				return new Outcome(false, "the audit key was introduced after record %d; the trail ends at %d"
					.formatted(known.seq(), walk.last()));
			}
			Optional<AuditChain.Stored> last = this.chain.last();
			Long keyedFrom = this.chain.keyedFrom();
			if (known == null) {
				long unkeyed = (keyedFrom != null) ? keyedFrom - 1 : last.map(AuditChain.Stored::seq).orElse(0L);
				String hash = (keyedFrom != null) ? previousOf(keyedFrom)
						: last.map(AuditChain.Stored::hash).orElse(AuditChain.GENESIS);
				known = this.boundary.establish(unkeyed, hash, now());
			}
			if (keyedFrom == null && last.isPresent()) {
				this.chain.introduceKey(known.seq());
			}
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("anchor", this.anchor.file().getFileName().toString());
			payload.put("found", (before.problem() != null) ? before.problem() : "no anchor");
			payload.put("checkedRecords", walk.checked());
			this.chain.append(List.of(new AuditChain.Pending(now().truncatedTo(ChronoUnit.MICROS), actor, REINITIALISED,
					"audit:anchor", JSON.writeValueAsString(payload))));
			AuditAnchor.Anchor first = this.anchor.start(known.seq() + 1);
			return new Outcome(true, "The trail's %d records check out; anchor %d written at record %d"
				.formatted(walk.checked(), first.counter(), first.seq()));
		});
		return (outcome != null) ? outcome : new Outcome(false, "not done");
	}

	/**
	 * A warning when the audit key sits in the data directory beside the embedded
	 * database (not in demo mode): whoever can change the database's files can read the
	 * key there and recompute every tag and the anchor.
	 */
	Optional<String> placementWarning() {
		Path keyFile = this.key.file();
		if (this.mode.demo() || !this.mode.embeddedDatabase() || keyFile == null || !inDataDir(keyFile)) {
			return Optional.empty();
		}
		return Optional.of(("The audit key %s%s is in the data directory %s, next to the embedded database: whoever "
				+ "can change the database's files can read the key there and rewrite the audit trail with valid MACs "
				+ "and a matching anchor. Keep the key apart (DUES_AUDIT_KEY from a secret manager, or "
				+ "DUES_AUDIT_KEY_FILE on another volume), the anchor too (DUES_AUDIT_ANCHOR_FILE), and ship each "
				+ "anchor to a log store with retention (DUES_AUDIT_ANCHOR_LOG).")
			.formatted(keyFile.toAbsolutePath(),
					inDataDir(this.anchor.file()) ? " and the audit anchor " + this.anchor.file().toAbsolutePath() : "",
					this.dataDir.toAbsolutePath().normalize()));
	}

	private boolean inDataDir(Path file) {
		return file.toAbsolutePath().normalize().startsWith(this.dataDir.toAbsolutePath().normalize());
	}

	private Instant now() {
		return this.clock.instant();
	}

	/** What an operator's request came to. */
	record Outcome(boolean done, String message) {
	}

}

package org.dues.compliance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import org.dues.IntegrationTest;
import org.dues.system.DuesProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The keyed, anchored audit trail against someone who can write to the database but holds
 * neither the key nor the anchor: a cut tail, a deleted record and a record rewritten
 * with every later hash recomputed are each found, at the first broken link or as the
 * missing tail; a missing or wrong key is named as such; a trail from before the key
 * still verifies.
 */
@IntegrationTest
class AuditAnchorTests {

	@Autowired
	org.dues.system.DatabaseServer server;

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditAnchor anchor;

	@Autowired
	AuditChain chain;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	DuesProperties properties;

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditKeyIntroduction introduction;

	@Autowired
	org.dues.system.RuntimeMode mode;

	AuditTampering tampering;

	@BeforeEach
	void tampering() {
		this.tampering = new AuditTampering(this.server);
		this.transactions.executeWithoutResult((tx) -> {
			for (int i = 0; i < 3; i++) {
				this.audit.record("tester", "TEST_ANCHOR", "test:" + i, Map.of("n", i));
			}
		});
	}

	@Test
	void aCutTailIsSeenAgainstTheAnchorAndNeverAnchoredOver() throws Exception {
		AuditAnchor.Anchor anchored = this.anchor.write().orElseThrow();
		long last = this.tampering.last();
		assertThat(anchored.seq()).isEqualTo(last);
		assertThat(this.audit.verify().intact()).isTrue();
		List<AuditTrail.Entry> tail = this.tampering.from(last - 1);
		this.tampering.cutFrom(last - 1);
		try {
			AuditTrail.Verification cut = this.audit.verify();
			assertThat(cut.intact()).isFalse();
			assertThat(cut.firstBroken()).isEqualTo(last - 1);
			assertThat(cut.message()).isEqualTo("the anchor of %s saw record %d with hash %s; the trail ends at %d"
				.formatted(anchored.at(), last, anchored.hash(), last - 2));
			this.mvc.perform(get("/api/v1/compliance/audit/verification").with(httpBasic("admin", "admin-secret")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.firstBroken").value(last - 1))
				.andExpect(jsonPath("$.anchoredSeq").value(last))
				.andExpect(jsonPath("$.message").value(containsString("the trail ends at " + (last - 2))));
			// the anchor does not move back to the cut trail's end
			assertThat(this.anchor.write()).isEmpty();
			assertThat(this.anchor.read().anchor()).isEqualTo(anchored);
			// nor does a new record put where the cut ones were pass for them
			this.transactions
				.executeWithoutResult((tx) -> this.audit.record("tester", "TEST_AFTER_CUT", "test:cut", Map.of()));
			this.transactions
				.executeWithoutResult((tx) -> this.audit.record("tester", "TEST_AFTER_CUT", "test:cut", Map.of()));
			AuditTrail.Verification refilled = this.audit.verify();
			assertThat(refilled.firstBroken()).isEqualTo(last);
			assertThat(refilled.message()).contains("record %d is not the one the anchor of".formatted(last));
		}
		finally {
			this.tampering.restore(tail);
		}
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void aDeletedRecordIsMissing() {
		this.anchor.write();
		long target = this.tampering.last() - 1;
		List<AuditTrail.Entry> before = this.tampering.from(target);
		this.tampering.delete(target);
		try {
			AuditTrail.Verification broken = this.audit.verify();
			assertThat(broken.intact()).isFalse();
			assertThat(broken.firstBroken()).isEqualTo(target);
			assertThat(broken.message()).isEqualTo("record %d is missing".formatted(target));
			// covered up: the later records renumbered and every hash recomputed
			this.tampering.restore(before);
			this.tampering.deleteAndRenumber(target);
			AuditTrail.Verification covered = this.audit.verify();
			assertThat(covered.intact()).isFalse();
			assertThat(covered.firstBroken()).isEqualTo(target);
			assertThat(covered.message())
				.isEqualTo("record %d has been altered: its content no longer matches its MAC".formatted(target));
		}
		finally {
			this.tampering.restore(before);
		}
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void aRecordRewrittenWithEveryLaterHashRecomputedIsCaught() {
		this.anchor.write();
		long target = this.tampering.last() - 1;
		UnaryOperator<String> edit = (payload) -> payload.replace("}", ",\"n2\":9}");
		List<AuditTrail.Entry> all = this.tampering.from(1);
		try {
			// every later record carries its predecessor's hash again, as plain SHA-256
			this.tampering.rewriteFrom(target, edit, false);
			AuditTrail.Verification rehashed = this.audit.verify();
			assertThat(rehashed.intact()).isFalse();
			assertThat(rehashed.firstBroken()).isEqualTo(target);
			assertThat(rehashed.message())
				.isEqualTo("record %d has been altered: its content no longer matches its MAC".formatted(target));
			// the same, claiming to be records written before the key
			this.tampering.restore(all);
			this.tampering.rewriteFrom(target, edit, true);
			AuditTrail.Verification downgraded = this.audit.verify();
			assertThat(downgraded.firstBroken()).isEqualTo(target);
			assertThat(downgraded.message()).startsWith("record %d is unkeyed, but the key was introduced at record %d"
				.formatted(target, this.chain.keyedFrom()));
			// the whole trail rewritten as if no key had ever been: the anchor knows
			// better
			this.tampering.restore(all);
			this.tampering.rewriteFrom(1, UnaryOperator.identity(), true);
			AuditTrail.Verification rewritten = this.audit.verify();
			assertThat(rewritten.intact()).isFalse();
			assertThat(rewritten.firstBroken()).isEqualTo(1);
			assertThat(rewritten.message()).contains("is unkeyed, but the anchor of");
			assertThat(this.anchor.write()).as("never anchored over").isEmpty();
		}
		finally {
			this.tampering.restore(all);
		}
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void aMissingOrWrongKeyIsNamed(@TempDir Path dir) {
		long firstKeyed = this.chain.keyedFrom();
		// the verify command never makes a key: without one it says so
		AuditKey none = new AuditKey("", dir.resolve("absent.json"), false);
		assertThat(none.present()).isFalse();
		AuditTrail.Verification unchecked = trail(none, dir).verify();
		assertThat(unchecked.intact()).isFalse();
		assertThat(unchecked.firstBroken()).isEqualTo(firstKeyed);
		assertThat(unchecked.message())
			.isEqualTo(("record %d is keyed, but no audit key was found (DUES_AUDIT_KEY, DUES_AUDIT_KEY_FILE or "
					+ "key file absent.json): it cannot be checked")
				.formatted(firstKeyed));
		// a new key made where the old one was lost: Dues refuses to start on it
		AuditKey other = new AuditKey("", dir.resolve("new-key.json"), true);
		assertThat(other.created()).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> stack(other, dir).introduction().refuseForeignKey())
			.withMessageContaining("does not hold")
			.withMessageContaining("restore the audit key the trail was written with");
		AuditTrail.Verification wrong = trail(other, dir).verify();
		assertThat(wrong.intact()).isFalse();
		assertThat(wrong.firstBroken()).isEqualTo(firstKeyed);
		assertThat(wrong.message())
			.contains("which the audit key (key file new-key.json) does not hold: " + "the key is wrong or missing");
	}

	@Test
	void aRotatedKeysetVerifiesTheOldKeysRecords(@TempDir Path dir) throws Exception {
		KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(
				Files.readString(this.properties.dataDir().resolve("audit-key.json")), InsecureSecretKeyAccess.get());
		KeysetHandle rotated = KeysetHandle.newBuilder(current)
			.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
				.withRandomId()
				.makePrimary())
			.build();
		AuditKey key = new AuditKey(TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()),
				dir.resolve("unused.json"), false);
		AuditChain rotatedChain = new AuditChain(this.jdbc, this.jdbcTemplate, key, this.clock);
		// the rotated keyset sees the same anchor, its history and the key's boundary
		this.anchor.write();
		Files.copy(this.anchor.file(), dir.resolve("anchor.json"));
		Files.copy(this.anchor.history().file(), dir.resolve("anchor-history.jsonl"));
		Files.copy(this.properties.dataDir().resolve("audit-key-boundary.json"),
				dir.resolve("audit-key-boundary.json"));
		long last = this.tampering.last();
		try {
			this.transactions.executeWithoutResult((tx) -> rotatedChain.append(List
				.of(new AuditChain.Pending(this.clock.instant(), "tester", "TEST_ROTATED", "test:rotation", "{}"))));
			assertThat(trail(key, dir).verify().intact()).isTrue();
			AuditTrail.Verification old = this.audit.verify();
			assertThat(old.firstBroken()).as("the old keyset lacks the new key").isEqualTo(last + 1);
			assertThat(old.message()).contains("the key is wrong or missing");
		}
		finally {
			this.tampering.cutFrom(last + 1);
		}
	}

	@Test
	void aTrailFromBeforeTheKeyStillVerifiesAndIsKeyedFromTheRecordThatIntroducesIt(@TempDir Path dir)
			throws Exception {
		List<AuditTrail.Entry> all = this.tampering.from(1);
		try {
			// three records as the version before the key wrote them
			String previous = AuditChain.GENESIS;
			List<AuditTrail.Entry> legacy = new java.util.ArrayList<>();
			for (long seq = 1; seq <= 3; seq++) {
				AuditTrail.Entry unhashed = new AuditTrail.Entry(seq, this.clock.instant(), "officer", "HOLD_PLACED",
						"customer:" + seq, "{\"reason\":\"legacy\"}", previous, "", AuditChain.SHA256);
				String hash = AuditChain.sha256(unhashed);
				legacy.add(new AuditTrail.Entry(seq, unhashed.at(), unhashed.actor(), unhashed.action(),
						unhashed.subject(), unhashed.payload(), previous, hash, AuditChain.SHA256));
				previous = hash;
			}
			this.tampering.cutFrom(1);
			this.tampering.restore(legacy);
			// verify-audit of this version, before its first start, has no key yet
			assertThat(trail(new AuditKey("", dir.resolve("audit-key.json"), false), dir).verify().intact()).isTrue();
			// this version starts with a new key: the key is introduced in the chain, and
			// records are keyed
			Stack fresh = stack(new AuditKey("", dir.resolve("audit-key.json"), true), dir);
			this.transactions.executeWithoutResult((tx) -> fresh.introduction().introduce());
			assertThat(fresh.boundary().read().boundary().seq()).isEqualTo(3);
			assertThat(fresh.anchor().read().anchor().seq()).as("the first anchor").isEqualTo(4);
			this.transactions.executeWithoutResult((tx) -> fresh.chain()
				.append(List.of(new AuditChain.Pending(this.clock.instant(), "tester", "TEST_KEYED", "test:k", "{}"))));
			AuditTrail.Verification keyed = fresh.trail().verify();
			assertThat(keyed.intact()).isTrue();
			assertThat(keyed.checked()).isEqualTo(5);
			List<AuditTrail.Entry> latest = this.audit.latest(3);
			assertThat(latest).extracting(AuditTrail.Entry::action)
				.containsExactly("TEST_KEYED", AuditChain.KEY_INTRODUCED, "HOLD_PLACED");
			assertThat(latest).extracting(AuditTrail.Entry::scheme)
				.containsExactly(AuditChain.HMAC, AuditChain.HMAC, AuditChain.SHA256);
			assertThat(latest.get(1).payload()).contains("\"keyedFrom\":4");
			// a record added the old way after that is refused
			AuditTrail.Entry unhashed = new AuditTrail.Entry(6, this.clock.instant(), "officer", "HOLD_LIFTED",
					"customer:1", "{}", latest.get(0).hash(), "", AuditChain.SHA256);
			this.tampering.restore(List
				.of(new AuditTrail.Entry(6, unhashed.at(), unhashed.actor(), unhashed.action(), unhashed.subject(),
						unhashed.payload(), unhashed.prevHash(), AuditChain.sha256(unhashed), AuditChain.SHA256)));
			AuditTrail.Verification forged = fresh.trail().verify();
			assertThat(forged.firstBroken()).isEqualTo(6);
			assertThat(forged.message()).startsWith("record 6 is unkeyed, but the key was introduced at record 4");
			// the whole trail rewritten without the key and the anchor deleted: the key's
			// boundary still refuses unkeyed records beyond record 3
			this.tampering.rewriteFrom(1, UnaryOperator.identity(), true);
			Files.delete(fresh.anchor().file());
			AuditTrail.Verification downgraded = fresh.trail().verify();
			assertThat(downgraded.intact()).isFalse();
			assertThat(downgraded.firstBroken()).isEqualTo(4);
			assertThat(downgraded.message())
				.startsWith("record 4 is unkeyed, but the audit key was introduced after record 3");
			// and the next start does not introduce the key after the forgery
			this.transactions.executeWithoutResult((tx) -> fresh.introduction().introduce());
			assertThat(this.audit.latest(1).get(0).scheme()).isEqualTo(AuditChain.SHA256);
		}
		finally {
			this.tampering.cutFrom(1);
			this.tampering.restore(all);
		}
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void aTrailRewrittenAsIfNoKeyHadEverBeenIsRefusedWithoutTheAnchor(@TempDir Path dir) throws Exception {
		this.anchor.write();
		List<AuditTrail.Entry> all = this.tampering.from(1);
		Path aside = dir.resolve("anchor-aside.json");
		Files.move(this.anchor.file(), aside);
		try {
			this.tampering.rewriteFrom(1, UnaryOperator.identity(), true);
			AuditTrail.Verification downgraded = this.audit.verify();
			assertThat(downgraded.intact()).isFalse();
			assertThat(downgraded.firstBroken()).isEqualTo(1);
			assertThat(downgraded.message())
				.startsWith("record 1 is unkeyed, but the audit key was introduced after record 0 (key boundary of");
			// a start does not make the forgery look like a history from before the key
			long end = this.tampering.last();
			this.transactions.executeWithoutResult((tx) -> this.introduction.introduce());
			assertThat(this.tampering.last()).isEqualTo(end);
			assertThat(this.introduction.reinitialise("tester").done()).isFalse();
			assertThat(this.anchor.file()).doesNotExist();
		}
		finally {
			this.tampering.cutFrom(1);
			this.tampering.restore(all);
			Files.move(aside, this.anchor.file());
		}
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void aMissingAnchorIsNotVerifiedAndOnlyAnOperatorStartsItAgain(@TempDir Path dir) throws Exception {
		this.anchor.write().orElseThrow();
		long last = this.tampering.last();
		List<AuditTrail.Entry> tail = this.tampering.from(last);
		Files.move(this.anchor.file(), dir.resolve("gone.json"));
		this.tampering.cutFrom(last);
		try {
			AuditTrail.Verification missing = this.audit.verify();
			assertThat(missing.intact()).isFalse();
			assertThat(missing.firstBroken()).isNull();
			assertThat(missing.message()).startsWith("the anchor audit-anchor.json is missing");
			this.mvc.perform(get("/api/v1/compliance/audit/verification").with(httpBasic("admin", "admin-secret")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.message").value(containsString("audit-anchor.json is missing")));
			// the periodic writer does not anchor the cut trail from scratch
			assertThat(this.anchor.write()).isEmpty();
			assertThat(this.anchor.file()).doesNotExist();
		}
		finally {
			this.tampering.restore(tail);
		}
		// an operator who knows the trail is good starts it again, in the trail
		AuditKeyIntroduction.Outcome outcome = this.introduction.reinitialise("operator:tester");
		assertThat(outcome.done()).as(outcome.message()).isTrue();
		AuditTrail.Entry recorded = this.audit.latest(1).get(0);
		assertThat(recorded.action()).isEqualTo(AuditKeyIntroduction.REINITIALISED);
		assertThat(recorded.actor()).isEqualTo("operator:tester");
		assertThat(recorded.payload()).contains("no anchor");
		AuditAnchor.Anchor restarted = this.anchor.read().anchor();
		assertThat(restarted.seq()).isEqualTo(recorded.seq());
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void anOlderAnchorPutBackIsSeenAgainstTheAnchorHistory() throws Exception {
		AuditAnchor.Anchor older = this.anchor.write().orElseThrow();
		byte[] olderFile = Files.readAllBytes(this.anchor.file());
		this.transactions
			.executeWithoutResult((tx) -> this.audit.record("tester", "TEST_LATER", "test:later", Map.of()));
		AuditAnchor.Anchor newer = this.anchor.write().orElseThrow();
		assertThat(newer.counter()).isEqualTo(older.counter() + 1);
		assertThat(newer.previous()).isEqualTo(older.mac());
		assertThat(this.anchor.history().last()).hasValueSatisfying((line) -> assertThat(line).contains(newer.mac()));
		byte[] newerFile = Files.readAllBytes(this.anchor.file());
		List<AuditTrail.Entry> tail = this.tampering.from(older.seq() + 1);
		this.tampering.cutFrom(older.seq() + 1);
		Files.write(this.anchor.file(), olderFile);
		try {
			AuditTrail.Verification rolledBack = this.audit.verify();
			assertThat(rolledBack.intact()).isFalse();
			assertThat(rolledBack.message())
				.isEqualTo(("the anchor audit-anchor.json has been rolled back: it is anchor %d of %s (record %d), "
						+ "but the anchor history audit-anchor-history.jsonl holds anchor %d of %s (record %d)")
					.formatted(older.counter(), older.at(), older.seq(), newer.counter(), newer.at(), newer.seq()));
			assertThat(this.anchor.write()).isEmpty();
		}
		finally {
			this.tampering.restore(tail);
			Files.write(this.anchor.file(), newerFile);
		}
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
	void eachAnchorCanBeLoggedForAWitnessOutsideTheHost(@TempDir Path dir,
			org.springframework.boot.test.system.CapturedOutput output) {
		AuditKey key = new AuditKey("", dir.resolve("audit-key.json"), true);
		AuditChain chain = new AuditChain(this.jdbc, this.jdbcTemplate, key, this.clock);
		AuditBoundary boundary = new AuditBoundary(dir.resolve("boundary.json"), key);
		AuditAnchor logged = new AuditAnchor(dir.resolve("anchor.json"), key, chain, boundary, this.jdbc,
				this.transactions, this.clock, false, true);
		AuditAnchor.Anchor written = this.transactions.execute((tx) -> logged.start(1));
		assertThat(output).contains("dues.audit.anchor").contains(written.mac());
		assertThat(logged.history().last()).hasValueSatisfying((line) -> assertThat(line).contains(written.mac()));
	}

	@Test
	void aKeyBesideTheEmbeddedDatabaseIsWarnedAbout(@TempDir Path dir) throws Exception {
		assertThat(this.introduction.placementWarning())
			.hasValueSatisfying((warning) -> assertThat(warning).contains("audit-key.json and the audit anchor")
				.contains("is in the data directory")
				.contains("DUES_AUDIT_KEY"));
		String keyset = Files.readString(this.properties.dataDir().resolve("audit-key.json"));
		assertThat(
				stack(new AuditKey(keyset, dir.resolve("unused.json"), false), dir).introduction().placementWarning())
			.isEmpty();
	}

	private AuditTrail trail(AuditKey key, Path dir) {
		return stack(key, dir).trail();
	}

	private Stack stack(AuditKey key, Path dir) {
		AuditChain chain = new AuditChain(this.jdbc, this.jdbcTemplate, key, this.clock);
		AuditBoundary boundary = new AuditBoundary(dir.resolve("audit-key-boundary.json"), key);
		AuditAnchor anchor = new AuditAnchor(dir.resolve("anchor.json"), key, chain, boundary, this.jdbc,
				this.transactions, this.clock, false, false);
		AuditTrail trail = new AuditTrail(this.jdbc, chain, anchor, boundary, key, this.clock);
		AuditKeyIntroduction introduction = new AuditKeyIntroduction(key, chain, anchor, boundary, this.transactions,
				this.clock, this.properties, this.mode, false);
		return new Stack(chain, boundary, anchor, trail, introduction);
	}

	record Stack(AuditChain chain, AuditBoundary boundary, AuditAnchor anchor, AuditTrail trail,
			AuditKeyIntroduction introduction) {
	}

}

package org.dues.compliance;

import java.time.LocalDate;
import java.util.List;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.portfolio.AccountView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit trail's hash chain: every change is recorded, the chain verifies, and a
 * tampered record is caught at the first broken link. Also: the policies the database
 * holds are the ones the unit tests decide on.
 */
@IntegrationTest
class AuditTrailTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	AuditTrail audit;

	@Autowired
	org.dues.system.DatabaseServer server;

	@Autowired
	ContactHolds holds;

	@Autowired
	ContactPreferences preferences;

	@Autowired
	CompliancePolicies policies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	@Test
	void everyChangeIsChainedAndATamperedRecordIsCaught() throws Exception {
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 30, "5000");
		var hold = this.holds.place(account.customerId(), List.of(account.id().value()), HoldType.COMPLAINT, null, null,
				"Complaint to the Banking Ombudsman about call frequency", "officer");
		this.preferences.ban(account.customerId(), Channel.WHATSAPP, null, null, "Asked for no WhatsApp", "agent");
		this.holds.lift(hold.id(), "Complaint resolved", org.dues.system.Actor.of("officer", "ROLE_COMPLIANCE"));
		AuditTrail.Verification intact = this.audit.verify();
		assertThat(intact.intact()).isTrue();
		assertThat(intact.checked()).isGreaterThanOrEqualTo(3);
		List<AuditTrail.Entry> latest = this.audit.latest(3);
		assertThat(latest).extracting(AuditTrail.Entry::action)
			.containsExactly("HOLD_LIFTED", "BAN_RECORDED", "HOLD_PLACED");
		assertThat(latest.get(0).prevHash()).isEqualTo(latest.get(1).hash());
		// the table refuses changes
		assertThatException()
			.isThrownBy(() -> this.jdbc.sql("UPDATE compliance_audit SET actor = 'x' WHERE seq = :s")
				.param("s", latest.get(1).seq())
				.update())
			.withMessageContaining("append-only");
		// nor can the application get around that in replica mode
		assertThatException().isThrownBy(() -> this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("SET LOCAL session_replication_role = replica").update();
			this.jdbc.sql("UPDATE compliance_audit SET actor = 'x' WHERE seq = :s")
				.param("s", latest.get(1).seq())
				.update();
		})).withMessageContaining("append-only");
		// an administrator of the database, who can switch the trigger off, rewrites the
		// ban's reason
		long tampered = latest.get(1).seq();
		AuditTampering tampering = new AuditTampering(this.server);
		List<AuditTrail.Entry> before = tampering.from(tampered);
		tampering.edit(tampered, (payload) -> payload.replace("no WhatsApp", "no email"));
		try {
			AuditTrail.Verification broken = this.audit.verify();
			assertThat(broken.intact()).isFalse();
			assertThat(broken.firstBroken()).isEqualTo(tampered);
			assertThat(broken.message()).contains("record " + tampered + " has been altered");
			this.mvc.perform(get("/api/v1/compliance/audit/verification").with(httpBasic("admin", "admin-secret")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.firstBroken").value(tampered));
		}
		finally {
			tampering.restore(before);
		}
		assertThat(this.audit.verify().intact()).isTrue();
	}

	/** Runs the statement as the superuser, with the append-only trigger off for it. */
	@Test
	void recordsJoinTheChainWhenTheirTransactionCommitsAndNeverWhenItRollsBack() throws Exception {
		long before = this.audit.latest(1).stream().mapToLong(AuditTrail.Entry::seq).findFirst().orElse(0);
		this.transactions.executeWithoutResult((tx) -> {
			this.audit.record("tester", "TEST_ROLLED_BACK", "test:1", java.util.Map.of("n", 1));
			tx.setRollbackOnly();
		});
		assertThat(this.audit.latest(1).stream().mapToLong(AuditTrail.Entry::seq).findFirst().orElse(0))
			.isEqualTo(before);
		this.transactions.executeWithoutResult((tx) -> {
			this.audit.record("tester", "TEST_FIRST", "test:2", java.util.Map.of("n", 2));
			this.audit.record("tester", "TEST_SECOND", "test:2", java.util.Map.of("n", 3));
		});
		// many transactions at once: one chain, no forks
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Callable<Object>> writers = new java.util.ArrayList<>();
			for (int i = 0; i < 40; i++) {
				int n = i;
				writers.add(() -> {
					this.transactions.executeWithoutResult(
							(tx) -> this.audit.record("tester", "TEST_CONCURRENT", "test:" + n, java.util.Map.of()));
					return null;
				});
			}
			for (var done : pool.invokeAll(writers)) {
				done.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		// this test's records since, oldest first (the application's own work may write
		// records of its own meanwhile: they are in the chain too, but not counted here)
		List<AuditTrail.Entry> ours = this.audit.latest(1000)
			.stream()
			.filter((e) -> e.seq() > before && e.action().startsWith("TEST_"))
			.sorted(java.util.Comparator.comparingLong(AuditTrail.Entry::seq))
			.toList();
		assertThat(ours).extracting(AuditTrail.Entry::action)
			.hasSize(42)
			.startsWith("TEST_FIRST", "TEST_SECOND")
			.doesNotContain("TEST_ROLLED_BACK");
		// the rolled-back record took no place in the chain: its seqs have no gap
		List<Long> seqs = this.audit.latest(1000)
			.stream()
			.map(AuditTrail.Entry::seq)
			.filter((seq) -> seq > before)
			.sorted()
			.toList();
		assertThat(seqs.get(0)).isEqualTo(before + 1);
		assertThat(seqs.get(seqs.size() - 1)).isEqualTo(before + seqs.size());
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void theStoredPoliciesAreTheOnesTheRuleTestsUse() {
		LocalDate today = LocalDate.of(2026, 11, 26);
		assertThat(this.policies.resolve("US", today)).isEqualTo(TestPolicies.us());
		assertThat(this.policies.resolve("IN", today)).isEqualTo(TestPolicies.india());
		assertThat(this.policies.resolve("GB", today)).isEqualTo(TestPolicies.uk());
		ContactPolicy massachusetts = this.policies.resolve("us-ma", today);
		assertThat(massachusetts.volumeLimits()).isEqualTo(TestPolicies.massachusetts().volumeLimits());
		assertThat(massachusetts.code()).isEqualTo("US-MA");
		assertThat(this.policies.codes()).contains("US", "US-MA", "IN", "GB");
		assertThatException().isThrownBy(() -> this.policies.resolve("US", LocalDate.of(2021, 11, 29)))
			.withMessageContaining("Contact policy");
	}

}

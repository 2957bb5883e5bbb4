package org.dues.payment;

import java.math.BigDecimal;
import java.util.List;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.portfolio.Accounts;
import org.dues.system.Actor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement with more matched credits than {@link StatementPosting#BULK} posts them as
 * one batch: every credit posted once, by the waterfall, the ledger equal to the
 * balances.
 */
@IntegrationTest
class BulkStatementTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	CreditorBankAccounts bankAccounts;

	@Autowired
	PaymentManagement payments;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BankStatements statements;

	@Test
	void postsManyCreditsAsOneBatch() {
		StatementFixture world = new StatementFixture(this.portfolios, this.bankAccounts, this.payments, this.accounts,
				this.jdbc, "pay_B");
		BigDecimal before = world.owed(world.first.id())
			.add(world.owed(world.second.id()))
			.add(world.owed(world.third.id()));
		byte[] file = CamtFiles.credits(world.iban, "B1",
				List.of(world.first.accountRef(), world.second.accountRef(), world.third.accountRef()), 120, 7);
		Actor manager = Actor.of("bulk-m", "ROLE_MANAGER");
		BankStatements.Imported imported = this.statements.importStatement(file, null, null, null, "bulk.xml", manager);
		StatementReport report = imported.report();
		assertThat(report.entries()).isEqualTo(120);
		assertThat(report.count(EntryOutcome.POSTED)).isEqualTo(120);
		BigDecimal after = world.owed(world.first.id())
			.add(world.owed(world.second.id()))
			.add(world.owed(world.third.id()));
		// what the accounts owed fell by the credits, less what became the customers'
		// credit
		BigDecimal credit = List.of(world.first, world.second, world.third)
			.stream()
			.map((a) -> this.accounts.get(a.id()).balances().credit().amount())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(before.subtract(after).add(credit)).isEqualByComparingTo(report.credits().amount());
		world.ledgerEqualsBalances();
		// each payment of the batch is receipted, and the batch's one event reaches the
		// other modules' listeners for each payment (here: reporting's credits)
		List<java.util.UUID> posted = this.jdbc
			.sql("SELECT p.id FROM payment_payments p JOIN payment_receipts r ON r.payment_id = p.id"
					+ " WHERE p.account_id = ANY(:accounts) AND p.reference LIKE 'BANK:%'")
			.param("accounts",
					new java.util.UUID[] { world.first.id().value(), world.second.id().value(),
							world.third.id().value() })
			.query(java.util.UUID.class)
			.list();
		assertThat(posted).hasSize(120);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM reporting_payment_credits WHERE payment_id = ANY(:ids) AND kind = 'PAYMENT'")
				.param("ids", posted.toArray(java.util.UUID[]::new))
				.query(Integer.class)
				.single() == 120);
		int payments = this.jdbc.sql("SELECT count(*) FROM payment_payments").query(Integer.class).single();
		assertThat(this.statements.importStatement(file, null, null, null, "bulk.xml", manager).created()).isFalse();
		assertThat(this.jdbc.sql("SELECT count(*) FROM payment_payments").query(Integer.class).single())
			.isEqualTo(payments);
	}

}

package org.dues.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch decides each payment from what the ledger read of the accounts as it locked
 * them: a payment already posted is not posted again, one to no account, dated in the
 * future or before its account could be paid is refused (that payment only), the rest are
 * posted by the waterfall, the ledger equal to the balances.
 */
@IntegrationTest
class PaymentBatchTests {

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
	PaymentBatch batch;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Test
	void refusesOnlyThePaymentsItMustAndPostsTheRest() {
		StatementFixture world = new StatementFixture(this.portfolios, this.bankAccounts, this.payments, this.accounts,
				this.jdbc, "pay_PB");
		LocalDate today = LocalDate.now(this.clock.withZone(world.creditor.timeZone()));
		BigDecimal before = world.owed(world.first.id()).add(world.owed(world.second.id()));
		List<PaymentBatch.Item> items = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			items.add(new PaymentBatch.Item(i % 2 == 0 ? world.first.id() : world.second.id(), Money.of("10.00", "INR"),
					"BANK:PB" + world.creditor.code() + i, today, null));
		}
		AccountId nobody = new AccountId(UUID.randomUUID());
		items.add(new PaymentBatch.Item(nobody, Money.of("10.00", "INR"), "BANK:PBX" + world.creditor.code(), today,
				null));
		items.add(new PaymentBatch.Item(world.first.id(), Money.of("10.00", "INR"), "BANK:PBF" + world.creditor.code(),
				today.plusDays(1), null));
		items.add(new PaymentBatch.Item(world.second.id(), Money.of("10.00", "INR"), "BANK:PBO" + world.creditor.code(),
				LocalDate.of(1999, 1, 1), null));
		items.add(new PaymentBatch.Item(world.first.id(), world.gateway.amount(), world.gateway.reference(), today,
				null));
		List<PaymentBatch.Outcome> outcomes = this.transactions.execute((status) -> {
			List<PaymentBatch.Outcome> posted = this.batch.post(world.creditor, items, "batch-tester");
			// the bulk writes switched row triggers off for themselves alone: whatever
			// the
			// transaction writes next is checked row by row again
			assertThat(this.jdbc.sql("SELECT current_setting('session_replication_role')").query(String.class).single())
				.isEqualTo("origin");
			return posted;
		});
		assertThat(outcomes).hasSize(64);
		assertThat(outcomes.subList(0, 60)).allSatisfy((o) -> {
			assertThat(o.created()).isTrue();
			assertThat(o.payment()).isNotNull();
		});
		assertThat(outcomes.get(60).payment()).isNull();
		assertThat(outcomes.get(60).refusal()).isEqualTo("no account " + nobody);
		assertThat(outcomes.get(61).payment()).isNull();
		assertThat(outcomes.get(61).refusal()).contains("is in the future");
		assertThat(outcomes.get(62).payment()).isNull();
		assertThat(outcomes.get(62).refusal()).contains("is before");
		assertThat(outcomes.get(63).created()).isFalse();
		assertThat(outcomes.get(63).payment()).isEqualTo(world.gateway.id());
		BigDecimal after = world.owed(world.first.id()).add(world.owed(world.second.id()));
		BigDecimal credit = this.accounts.get(world.first.id())
			.balances()
			.credit()
			.amount()
			.add(this.accounts.get(world.second.id()).balances().credit().amount());
		assertThat(before.subtract(after).add(credit)).isEqualByComparingTo("600.00");
		world.ledgerEqualsBalances();
		assertThat(this.jdbc.sql("SELECT count(*) FROM payment_payments WHERE reference LIKE :p")
			.param("p", "BANK:PB%" + world.creditor.code() + "%")
			.query(Integer.class)
			.single()).isEqualTo(60);
	}

}

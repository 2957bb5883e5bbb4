package org.dues.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever happens to an account, its cached balances equal the sum of its ledger entries
 * and never go below zero: proved over many random operations.
 */
@IntegrationTest
class LedgerInvariantTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	AccountLedger ledger;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void cachedBalancesAlwaysEqualTheSumOfEntries() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		List<AccountView> book = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			book.add(this.portfolios.placed(nbfc, "50000", "3000", "750", "12000", LocalDate.of(2026, 8, 1)));
		}
		Random random = new Random(42);
		LocalDate day = LocalDate.of(2026, 11, 26);
		Source source = new Source("TEST", null, "tester", null);
		List<LedgerEntryId> reversible = new ArrayList<>();
		int rejected = 0;
		for (int op = 0; op < 400; op++) {
			AccountId account = book.get(random.nextInt(book.size())).id();
			Money amount = Money.of(BigDecimal.valueOf(1 + random.nextInt(2_000_000), 2).toPlainString(), "INR");
			BalanceComponent component = BalanceComponent.values()[random.nextInt(3)];
			try {
				switch (random.nextInt(7)) {
					case 0, 1 -> reversible.add(this.ledger.postPayment(account, amount, day, source).entry());
					case 2 -> {
						if (!reversible.isEmpty()) {
							this.ledger.reverse(reversible.remove(random.nextInt(reversible.size())), day, source);
						}
					}
					case 3 -> reversible.add(this.ledger
						.charge(account, component == BalanceComponent.PRINCIPAL ? BalanceComponent.FEES : component,
								amount, day, source)
						.entry());
					case 4 -> this.ledger.waive(account, component, amount, day, source);
					case 5 -> this.ledger.adjust(account,
							Amounts.of(component, random.nextBoolean() ? amount : amount.negate()), day, source);
					default ->
						reversible.add(this.ledger.postPayment(account, amount.plus(amount), day, source).entry());
				}
			}
			catch (InvalidInputException ex) {
				// A waiver or adjustment beyond the balance is refused whole.
				assertThat(ex.getMessage()).contains("below zero");
				rejected++;
			}
			assertConsistent(account);
		}
		book.forEach((a) -> assertConsistent(a.id()));
		assertThat(rejected).as("some operations should hit the no-negative rule").isPositive().isLessThan(200);
		assertThat(this.accounts.ledger(book.get(0).id())).extracting(LedgerEntryView::type)
			.contains(EntryType.PLACEMENT, EntryType.PAYMENT);
	}

	private void assertConsistent(AccountId id) {
		var sums = this.jdbc.sql("""
				SELECT a.principal - sum(e.principal), a.interest - sum(e.interest), a.fees - sum(e.fees),
				       a.credit - sum(e.credit), a.overdue_amount - sum(e.overdue),
				       least(a.principal, a.interest, a.fees, a.credit, a.overdue_amount)
				FROM portfolio_accounts a JOIN portfolio_ledger_entries e ON e.account_id = a.id
				WHERE a.id = :id GROUP BY a.id""")
			.param("id", id.value())
			.query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
			.single();
		for (int i = 0; i < 5; i++) {
			assertThat(sums.get(i)).as("difference in column %d for %s", i, id).isZero();
		}
		assertThat(sums.get(5).signum()).as("no balance below zero").isGreaterThanOrEqualTo(0);
		AccountView account = this.accounts.get(id);
		assertThat(account.status())
			.isEqualTo(account.balances().owed().isZero() ? AccountStatus.PAID : AccountStatus.ACTIVE);
	}

}

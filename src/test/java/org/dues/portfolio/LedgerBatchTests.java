package org.dues.portfolio;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of payments leaves each account as the same payments posted one by one would:
 * the balances, the status, the last payment, the days past due and bucket (counted on
 * the day of posting, from the overdue after the payments) and the bucket moves.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class LedgerBatchTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	MutableClock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountLedger ledger;

	@BeforeEach
	void setUp() {
		this.clock.set(IntegrationTest.START);
	}

	@Test
	void aBatchAgesTheAccountsAsSinglePaymentsDo() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		// each case: days past due when placed, principal, and the payments made
		record Case(int days, String principal, List<String> payments) {
		}
		List<Case> cases = List.of(new Case(45, "20000", List.of("20000")), // clears the
																			// overdue:
																			// SMA-1 →
																			// current
				new Case(45, "20000", List.of("5000")), // part of the overdue: stays
														// SMA-1, days on
				new Case(95, "30000", List.of("10000", "20000")), // two payments clear
																	// all: PAID
				new Case(0, "10000", List.of("2500")), // nothing overdue: no move
				new Case(29, "8000", List.of("9000"))); // more than owed: the rest a
														// credit
		List<AccountView> single = new ArrayList<>();
		List<AccountView> batched = new ArrayList<>();
		for (Case c : cases) {
			single.add(this.portfolios.overdue(nbfc, c.days(), c.principal()));
			batched.add(this.portfolios.overdue(nbfc, c.days(), c.principal()));
		}
		// three days on, not aged in between: posting ages the accounts to today
		this.clock.advance(Duration.ofDays(3));
		LocalDate today = LocalDate.now(this.clock.withZone(nbfc.timeZone()));
		Source source = new Source("TEST", null, "tester", null);
		List<AccountLedger.PaymentToPost> batch = new ArrayList<>();
		for (int i = 0; i < cases.size(); i++) {
			for (String amount : cases.get(i).payments()) {
				this.ledger.postPayment(single.get(i).id(), Money.of(amount, "INR"), today, source);
				batch.add(new AccountLedger.PaymentToPost(batched.get(i).id(), Money.of(amount, "INR"), today, source));
			}
		}
		assertThat(this.ledger.postPayments(batch)).hasSize(batch.size());

		for (int i = 0; i < cases.size(); i++) {
			AccountView one = this.accounts.get(single.get(i).id());
			AccountView many = this.accounts.get(batched.get(i).id());
			assertThat(many.balances()).as("balances, case %d", i).isEqualTo(one.balances());
			assertThat(many.overdueAmount()).as("overdue, case %d", i).isEqualTo(one.overdueAmount());
			assertThat(many.status()).as("status, case %d", i).isEqualTo(one.status());
			assertThat(many.daysPastDue()).as("days past due, case %d", i).isEqualTo(one.daysPastDue());
			assertThat(many.bucket()).as("bucket, case %d", i).isEqualTo(one.bucket());
			assertThat(many.lastPaymentDate()).as("last payment, case %d", i).isEqualTo(one.lastPaymentDate());
			assertThat(many.lastPaymentAmount()).as("last amount, case %d", i).isEqualTo(one.lastPaymentAmount());
			assertThat(this.accounts.bucketMoves(many.id())).as("moves, case %d", i)
				.isEqualTo(this.accounts.bucketMoves(one.id()));
		}
		// the cases say what single posting does, so the comparison means something
		AccountView cleared = this.accounts.get(batched.get(0).id());
		assertThat(cleared.daysPastDue()).isZero();
		assertThat(this.accounts.bucketMoves(cleared.id())).last()
			.satisfies((m) -> assertThat(m.from()).isEqualTo("SMA-1"))
			.satisfies((m) -> assertThat(m.daysPastDue()).isZero())
			.satisfies((m) -> assertThat(m.movedOn()).isEqualTo(today));
		AccountView part = this.accounts.get(batched.get(1).id());
		assertThat(part.daysPastDue()).isEqualTo(48);
		assertThat(part.bucket()).isEqualTo("SMA-1");
		assertThat(this.accounts.get(batched.get(2).id()).status()).isEqualTo(AccountStatus.PAID);
		assertThat(this.accounts.get(batched.get(4).id()).balances().credit().isPositive()).isTrue();
	}

}

package org.dues.payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.EntryType;
import org.dues.portfolio.LedgerEntryView;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments arriving at once: a retried payment posts once, and different payments on one
 * account all post without losing an update.
 */
@IntegrationTest
class ConcurrentPaymentsTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentManagement payments;

	@Autowired
	Accounts accounts;

	@Test
	void theSameReferenceSentEightTimesAtOncePostsOnce() throws Exception {
		AccountView account = account();
		NewPayment payment = new NewPayment(Money.of("1000", "INR"), PaymentChannel.UPI, "UPI-SAME", null);
		List<PaymentManagement.Result> results = all(8, () -> this.payments.post(account.id(), payment, "tester"));
		assertThat(results).filteredOn(PaymentManagement.Result::created).hasSize(1);
		assertThat(results).extracting((r) -> r.payment().id()).containsOnly(results.get(0).payment().id());
		assertThat(this.accounts.ledger(account.id())).filteredOn((e) -> e.type() == EntryType.PAYMENT).hasSize(1);
	}

	@Test
	void differentPaymentsAtOnceAllPostAndAddUp() throws Exception {
		AccountView account = account();
		List<Callable<PaymentManagement.Result>> posts = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			NewPayment payment = new NewPayment(Money.of("100", "INR"), PaymentChannel.CASH, "RCPT-" + i, null);
			posts.add(() -> this.payments.post(account.id(), payment, "tester"));
		}
		all(posts);
		AccountView after = this.accounts.get(account.id());
		assertThat(after.balances().total()).isEqualTo(account.balances().total().minus(Money.of("1000", "INR")));
		Money sum = this.accounts.ledger(account.id())
			.stream()
			.map(LedgerEntryView::amounts)
			.map((a) -> a.total())
			.reduce(Money.zero(after.currency()), Money::plus);
		assertThat(sum).isEqualTo(after.balances().total());
	}

	@Test
	void aPaymentReversedTwiceAtOnceIsReversedOnce() throws Exception {
		AccountView account = account();
		PaymentView payment = this.payments
			.post(account.id(), new NewPayment(Money.of("500", "INR"), PaymentChannel.CHEQUE, "CHQ-9", null), "tester")
			.payment();
		all(4, () -> this.payments.reverse(account.id(), payment.id(), "Cheque bounced",
				org.dues.system.Actor.of("tester", "ROLE_MANAGER")));
		assertThat(this.accounts.ledger(account.id())).filteredOn((e) -> e.type() == EntryType.REVERSAL).hasSize(1);
		assertThat(this.accounts.get(account.id()).balances()).isEqualTo(account.balances());
	}

	private AccountView account() {
		return this.portfolios.placed(this.portfolios.indianNbfc(), "50000", "0", "0", "5000",
				LocalDate.of(2026, 10, 1));
	}

	private static <T> List<T> all(int times, Callable<T> task) throws Exception {
		List<Callable<T>> tasks = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			tasks.add(task);
		}
		return all(tasks);
	}

	private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			List<T> results = new ArrayList<>();
			for (Future<T> future : pool.invokeAll(tasks)) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

}

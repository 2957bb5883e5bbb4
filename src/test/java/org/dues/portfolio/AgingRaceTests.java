package org.dues.portfolio;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aging run and a payment on the same account at the same moment: the run must not
 * write figures it computed before the payment committed.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class AgingRaceTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	MutableClock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	Aging aging;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aPaymentCommittedWhileTheRunWaitsWins() throws Exception {
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 50, "5000");
		this.clock.advance(Duration.ofDays(20));
		try (Connection payment = this.dataSource.getConnection()) {
			payment.setAutoCommit(false);
			// What a payment clearing the arrears does to the row, held open.
			payment.createStatement()
				.executeUpdate(
						"UPDATE portfolio_accounts SET overdue_amount = 0, days_past_due = 0, bucket = 'CURRENT' "
								+ "WHERE id = '" + account.id().value() + "'");
			CompletableFuture<Integer> run = CompletableFuture
				.supplyAsync(() -> this.transactions.execute((tx) -> this.aging.ageAll()));
			awaitBlocked();
			payment.commit();
			run.get(30, TimeUnit.SECONDS);
		}
		AccountView after = this.accounts.get(account.id());
		assertThat(after.overdueAmount().isZero()).isTrue();
		assertThat(after.daysPastDue()).isZero();
		assertThat(after.bucket()).isEqualTo("CURRENT");
	}

	private void awaitBlocked() throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			boolean waiting = this.jdbc.sql(
					"SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'WITH c%portfolio_creditors%')")
				.query(Boolean.class)
				.single();
			if (waiting) {
				return;
			}
			Thread.sleep(25);
		}
		throw new AssertionError("the aging run never waited for the payment's row lock");
	}

}

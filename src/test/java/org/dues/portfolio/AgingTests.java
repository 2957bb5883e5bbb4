package org.dues.portfolio;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Days past due and buckets, counted in each creditor's own calendar, moved day by day
 * with the clock.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class AgingTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	MutableClock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	Aging aging;

	@Autowired
	AccountLedger ledger;

	@BeforeEach
	void setUp() {
		this.clock.set(IntegrationTest.START);
	}

	@Test
	void anAccountRollsIntoTheNextBucketAsDaysPass() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 29, "25000");
		assertThat(account.daysPastDue()).isEqualTo(29);
		assertThat(account.bucket()).isEqualTo("SMA-0");

		this.clock.advance(Duration.ofDays(1));
		this.aging.ageAll();
		assertThat(this.accounts.get(account.id()).bucket()).isEqualTo("SMA-0");

		this.clock.advance(Duration.ofDays(1));
		this.aging.ageAll();
		AccountView aged = this.accounts.get(account.id());
		assertThat(aged.daysPastDue()).isEqualTo(31);
		assertThat(aged.bucket()).isEqualTo("SMA-1");
		assertThat(this.accounts.bucketMoves(account.id())).extracting(BucketMove::from, BucketMove::to)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(null, "SMA-0"),
					org.assertj.core.groups.Tuple.tuple("SMA-0", "SMA-1"));
		assertThat(this.accounts.bucketMoves(account.id()).get(1).movedOn()).isEqualTo(LocalDate.of(2026, 11, 28));

		this.clock.advance(Duration.ofDays(60));
		this.aging.ageAll();
		assertThat(this.accounts.get(account.id()).bucket()).isEqualTo("NPA");
	}

	@Test
	void countsDaysInTheCreditorsTimeZone() {
		// 19:00 UTC on 26 November is already 00:30 on the 27th in India, still 14:00 on
		// the 26th in New York.
		this.clock.set(Instant.parse("2026-11-26T19:00:00Z"));
		LocalDate due = LocalDate.of(2026, 10, 28);
		AccountView indian = this.portfolios.placed(this.portfolios.indianNbfc(), "1000", "0", "0", "1000", due);
		AccountView american = this.portfolios.placed(this.portfolios.usIssuer(), "1000", "0", "0", "1000", due);
		assertThat(indian.daysPastDue()).isEqualTo(30);
		assertThat(american.daysPastDue()).isEqualTo(29);
		this.clock.advance(Duration.ofHours(11));
		this.aging.ageAll();
		assertThat(this.accounts.get(indian.id()).daysPastDue()).isEqualTo(30);
		assertThat(this.accounts.get(american.id()).daysPastDue()).isEqualTo(30);
	}

	@Test
	void usesTheCreditorsBucketScheme() {
		CreditorView issuer = this.portfolios.usIssuer();
		assertThat(this.portfolios.overdue(issuer, 180, "900").bucket()).isEqualTo("151-180");
		assertThat(this.portfolios.overdue(issuer, 181, "900").bucket()).isEqualTo("180+");
		assertThat(this.portfolios.overdue(issuer, 1, "900").bucket()).isEqualTo("1-30");
		CreditorView nbfc = this.portfolios.indianNbfc();
		assertThat(this.portfolios.overdue(nbfc, 90, "900").bucket()).isEqualTo("SMA-2");
		assertThat(this.portfolios.overdue(nbfc, 91, "900").bucket()).isEqualTo("NPA");
		AccountView current = this.portfolios.placed(nbfc, "900", "0", "0", "0", LocalDate.of(2026, 1, 1));
		assertThat(current.daysPastDue()).isZero();
		assertThat(current.bucket()).isEqualTo("CURRENT");
	}

	@Test
	void clearingTheOverdueAmountMakesTheAccountCurrentAtOnce() {
		AccountView account = this.portfolios.placed(this.portfolios.indianNbfc(), "50000", "0", "0", "5000",
				LocalDate.of(2026, 9, 1));
		assertThat(account.bucket()).isEqualTo("SMA-2");
		this.ledger.postPayment(account.id(), org.dues.shared.Money.of("5000", "INR"), LocalDate.of(2026, 11, 26),
				new Source("UPI", "UPI-1", "tester", null));
		AccountView paid = this.accounts.get(account.id());
		assertThat(paid.daysPastDue()).isZero();
		assertThat(paid.bucket()).isEqualTo("CURRENT");
		assertThat(paid.status()).isEqualTo(AccountStatus.ACTIVE);
	}

	@Test
	void anUnchangedPortfolioMovesNothing() {
		this.portfolios.overdue(this.portfolios.indianNbfc(), 10, "100");
		this.aging.ageAll();
		assertThat(this.aging.ageAll()).isZero();
	}

}

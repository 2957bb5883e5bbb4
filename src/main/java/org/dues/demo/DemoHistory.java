package org.dues.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.reporting.AccountSnapshots;
import org.dues.system.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's reporting history, so the manager's dashboard has month ends to compare from
 * the first start: for each demo creditor, the snapshots of the last {@value #MONTHS}
 * month ends and of yesterday, reconstructed by reporting from the demo accounts as they
 * stand and the payments credited since ({@link AccountSnapshots#reconstruct}): balances
 * with those payments owed again, days past due fewer by the days gone by, accounts paid
 * off since active then. Each month end's bucket migrations follow from the one before,
 * so the roll-rate matrix, the cure rate and the opening balances of this month and the
 * months before are figures of these accounts, not numbers made up for the page. Written
 * once, on the first start (when the last month end is not there); the nightly job takes
 * every day after.
 */
@Component
@Order(14)
class DemoHistory implements ApplicationRunner {

	/** How many month ends before this month are reconstructed. */
	static final int MONTHS = 6;

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	private final RuntimeMode mode;

	private final Creditors creditors;

	private final AccountSnapshots snapshots;

	private final Clock clock;

	DemoHistory(RuntimeMode mode, Creditors creditors, AccountSnapshots snapshots, Clock clock) {
		this.mode = mode;
		this.creditors = creditors;
		this.snapshots = snapshots;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.mode.demo()) {
			return;
		}
		List<CreditorView> due = this.creditors.list()
			.stream()
			.filter((c) -> !this.snapshots.taken(c.id().value(), lastMonthEnd(c)))
			.toList();
		if (due.isEmpty()) {
			return;
		}
		awaitCredits(this.snapshots);
		long started = System.nanoTime();
		for (CreditorView creditor : due) {
			List<java.util.UUID> one = List.of(creditor.id().value());
			YearMonth now = YearMonth.now(this.clock.withZone(creditor.timeZone()));
			try {
				for (int m = MONTHS; m >= 1; m--) {
					this.snapshots.reconstruct(now.minusMonths(m).atEndOfMonth(), one);
				}
				LocalDate yesterday = LocalDate.now(this.clock.withZone(creditor.timeZone())).minusDays(1);
				if (YearMonth.from(yesterday).equals(now)) {
					this.snapshots.reconstruct(yesterday, one);
				}
			}
			catch (RuntimeException ex) {
				// the demo starts without its history rather than not at all
				log.warn("Demo reporting history of {} not written: {}", creditor.code(), ex.getMessage());
			}
		}
		log.info("Demo reporting history: {} month ends of {} creditors reconstructed in {} ms", MONTHS, due.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private LocalDate lastMonthEnd(CreditorView creditor) {
		return YearMonth.now(this.clock.withZone(creditor.timeZone())).minusMonths(1).atEndOfMonth();
	}

	/**
	 * Waits (up to a minute) until the demo's payments are credited to reporting, whose
	 * listener runs after the load commits: until the count of credits holds for two
	 * seconds. The history adds them back.
	 */
	static void awaitCredits(AccountSnapshots snapshots) {
		long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		long last = -1;
		int still = 0;
		while (System.nanoTime() < until && still < 2) {
			long now = snapshots.credited();
			still = (now == last) ? still + 1 : 0;
			last = now;
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}

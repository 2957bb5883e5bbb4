package org.dues.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.dues.arrangement.Asker;
import org.dues.arrangement.Evaluation;
import org.dues.contact.ContactLog;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Aging;
import org.dues.reporting.AccountSnapshots;
import org.dues.shared.Money;
import org.dues.system.ReplayClock;
import org.dues.work.CallResult;
import org.dues.work.Desk;
import org.dues.work.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's last {@value #DAYS} days of work, written on its first start through the
 * application's own paths with the clock held at each moment ({@link ReplayClock}): the
 * portfolio is placed {@value #DAYS} days ago (DemoData), then day by day the accounts
 * are aged, promises falling due are paid (most) or judged broken after their grace days
 * by the daily evaluation, and, Monday to Saturday, agent1 and agent2 call the NBFC's
 * accounts late in India's morning and agent3 the card issuer's at New York's noon,
 * through the desk: each call asked of the compliance gate (a blocked one stays blocked),
 * its result recorded (the customer, no answer, busy, voicemail, someone else) and, with
 * the customer, what came of it (a promise to pay within the week, a refusal, hardship).
 * So the dashboard's contact rates, promise rates, promises kept and broken and days to
 * pay are figures of recorded work, dated as it would have been. Deterministic but for
 * the time of day it starts.
 */
@Component
class DemoActivity {

	/** How many days before the first start the portfolio is placed and worked. */
	static final int DAYS = 20;

	/** Calls each agent makes a working day. */
	static final int CALLS = 10;

	private static final Logger log = LoggerFactory.getLogger(DemoActivity.class);

	/** Late morning in India (11:30), when the India desk calls. */
	private static final Shift INDIA = new Shift(LocalTime.of(6, 0), ZoneId.of("Asia/Kolkata"), "INR");

	/** Noon in New York (09:00 on the west coast), when the US desk calls. */
	private static final Shift US = new Shift(LocalTime.of(17, 0), ZoneId.of("America/New_York"), "USD");

	private final Desk desk;

	private final PaymentManagement payments;

	private final Evaluation evaluation;

	private final Aging aging;

	private final CustomerManagement customers;

	private final TransactionTemplate transactions;

	private final AccountSnapshots snapshots;

	DemoActivity(Desk desk, PaymentManagement payments, Evaluation evaluation, Aging aging,
			CustomerManagement customers, TransactionTemplate transactions, AccountSnapshots snapshots) {
		this.desk = desk;
		this.payments = payments;
		this.evaluation = evaluation;
		this.aging = aging;
		this.customers = customers;
		this.transactions = transactions;
		this.snapshots = snapshots;
	}

	/** The moment the demo's portfolio is placed: 05:00 UTC, {@value #DAYS} days ago. */
	static Instant placedAt(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(DAYS).atTime(5, 0).toInstant(ZoneOffset.UTC);
	}

	/**
	 * Works the days from the placement to now, moving the held clock forward to each
	 * shift; stops at the first shift still to come. Waits at the end until the payments
	 * are credited to reporting.
	 * @param indian the NBFC's accounts: those of Kerala (every other one, from the
	 * first) are agent1's to call, the rest agent2's
	 * @param american the card issuer's accounts, agent3's
	 */
	void replay(ReplayClock clock, List<AccountView> indian, List<AccountView> american) {
		long started = System.nanoTime();
		Random random = new Random(20261206L);
		List<Promised> promised = new ArrayList<>();
		Instant now = clock.systemInstant();
		LocalDate first = LocalDate.ofInstant(placedAt(now), ZoneOffset.UTC);
		int calls = 0;
		shifts: for (LocalDate day = first; !day.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC)); day = day
			.plusDays(1)) {
			for (Shift shift : List.of(INDIA, US)) {
				Instant at = day.atTime(shift.utc()).toInstant(ZoneOffset.UTC);
				if (at.isAfter(now)) {
					break shifts;
				}
				clock.hold(at);
				LocalDate today = LocalDate.ofInstant(at, shift.zone());
				this.transactions.executeWithoutResult((s) -> this.aging.ageAll());
				payDue(promised, shift, today);
				this.evaluation.evaluateAll((work) -> this.transactions.executeWithoutResult((s) -> work.run()));
				if (today.getDayOfWeek() == DayOfWeek.SUNDAY) {
					continue;
				}
				if (shift == INDIA) {
					calls += callAll("agent1", every(indian, 0), random, today, promised);
					calls += callAll("agent2", every(indian, 1), random, today, promised);
				}
				else {
					calls += callAll("agent3", american, random, today, promised);
				}
			}
		}
		DemoHistory.awaitCredits(this.snapshots);
		log.info("Demo activity: {} days, {} calls, {} promises in {} ms", DAYS, calls, promised.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/** The promises of the shift's currency due today that the customer keeps, paid. */
	private void payDue(List<Promised> promised, Shift shift, LocalDate today) {
		for (Promised p : promised) {
			if (p.keeps() && p.dueOn().equals(today) && p.amount().currencyCode().equals(shift.currency())) {
				try {
					this.payments.post(p.account(),
							new NewPayment(p.amount(), p.channel(), "DEMO-PTP-" + p.reference(), today), "system");
					// judged at once, as the payment's own listener will (again, to no
					// change)
					this.evaluation.evaluateAccount(p.account());
				}
				catch (RuntimeException ex) {
					log.debug("Demo payment of {} not posted: {}", p.account(), ex.getMessage());
				}
			}
		}
	}

	private int callAll(String agent, List<AccountView> accounts, Random random, LocalDate today,
			List<Promised> promised) {
		Set<AccountId> open = new HashSet<>();
		promised.stream().filter((p) -> !p.dueOn().plusDays(3).isBefore(today)).forEach((p) -> open.add(p.account()));
		int made = 0;
		for (int i = 0; i < CALLS; i++) {
			AccountView account = accounts.get(random.nextInt(accounts.size()));
			int result = random.nextInt(100);
			int outcome = random.nextInt(100);
			int days = 1 + random.nextInt(6);
			boolean keeps = random.nextInt(100) < 62;
			if (open.contains(account.id())) {
				continue;
			}
			try {
				Promised promise = call(agent, account, result, outcome, today.plusDays(days), keeps);
				made++;
				if (promise != null) {
					promised.add(promise);
					open.add(account.id());
				}
			}
			catch (RuntimeException ex) {
				// a call the gate refused or an outcome the account cannot take: the
				// agent moves on
				log.debug("Demo call of {} to {} not recorded: {}", agent, account.accountRef(), ex.getMessage());
			}
		}
		return made;
	}

	/**
	 * One call from the desk and its disposition.
	 * @return the promise taken, if one was
	 */
	private Promised call(String agent, AccountView account, int result, int outcome, LocalDate dueOn, boolean keeps) {
		CustomerView customer = this.customers.get(account.customerId());
		Optional<CustomerView.Phone> phone = customer.phones().stream().filter(CustomerView.Phone::usable).findFirst();
		if (phone.isEmpty()) {
			return null;
		}
		ContactLog.Attempt attempt = this.desk.call(account.id(), phone.get().e164(), agent);
		if (!attempt.allowed()) {
			return null;
		}
		CallResult how = (result < 34) ? CallResult.RIGHT_PARTY : (result < 64) ? CallResult.NO_ANSWER
				: (result < 76) ? CallResult.BUSY : (result < 92) ? CallResult.VOICEMAIL : CallResult.THIRD_PARTY;
		Outcome what = null;
		BigDecimal amount = null;
		if (how == CallResult.RIGHT_PARTY) {
			amount = promiseOf(account);
			what = (outcome < 55 && amount != null) ? Outcome.PROMISE_TO_PAY
					: (outcome < 82) ? Outcome.REFUSED : Outcome.HARDSHIP;
		}
		Desk.Recorded recorded = this.desk.dispose(account.id(),
				new Desk.Disposition(how, what, attempt.interaction().id(), null,
						(what == Outcome.PROMISE_TO_PAY) ? amount : null,
						(what == Outcome.PROMISE_TO_PAY) ? dueOn : null, null, null, null, null),
				new Asker(agent, Set.of(org.dues.identity.Role.AGENT)));
		if (recorded.arrangement() == null) {
			return null;
		}
		PaymentChannel channel = "INR".equals(account.currency().getCurrencyCode()) ? PaymentChannel.UPI
				: PaymentChannel.ACH;
		return new Promised(account.id(), recorded.arrangement().id().toString(), recorded.arrangement().amount(),
				dueOn, keeps, channel);
	}

	/**
	 * What the customer promises: the overdue amount, or a tenth of the balance when
	 * nothing is overdue, in whole units and no more than the balance; none when the
	 * account owes nothing.
	 */
	private static BigDecimal promiseOf(AccountView account) {
		Money balance = account.balances().total();
		BigDecimal amount = account.overdueAmount().isPositive() ? account.overdueAmount().amount()
				: balance.amount().divide(BigDecimal.TEN, 0, RoundingMode.DOWN);
		amount = amount.min(balance.amount()).setScale(0, RoundingMode.DOWN);
		return (amount.signum() > 0) ? amount : null;
	}

	private static List<AccountView> every(List<AccountView> accounts, int from) {
		List<AccountView> some = new ArrayList<>();
		// the first two carry the demo's complaint hold and blackout
		for (int i = 2 + from; i < accounts.size(); i += 2) {
			some.add(accounts.get(i));
		}
		return some;
	}

	private record Shift(LocalTime utc, ZoneId zone, String currency) {
	}

	private record Promised(AccountId account, String reference, Money amount, LocalDate dueOn, boolean keeps,
			PaymentChannel channel) {
	}

}

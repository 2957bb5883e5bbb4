package org.dues.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.CreditorBankAccounts;
import org.dues.payment.PaymentManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.NewCreditor;
import org.dues.portfolio.PlacementParser;
import org.dues.portfolio.Placements;
import org.dues.portfolio.Source;
import org.dues.shared.Money;
import org.dues.system.ReplayClock;
import org.dues.system.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.dues.demo.DemoPeople.pick;

/**
 * Loads the demo into an empty database in demo mode. Accounts go in through the same
 * parser and placement code as the API and allocation files. Deterministic: the same seed
 * gives the same people and balances, with due dates relative to today so every bucket is
 * populated whenever it runs.
 * <p>
 * An application runner: the port is open while it loads, but readiness stays
 * {@code REFUSING_TRAFFIC} until every runner has finished, and until then requests are
 * answered 503 ("Dues is starting; the demo users are being created"), the banner with
 * the logins printed once it turns (StartupBanner).
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final int INDIAN_ACCOUNTS = 2000;

	static final int US_ACCOUNTS = 1200;

	/** The card issuer's pooled accounts the demo's predictive campaign dials. */
	static final int DIALLED_ACCOUNTS = 60;

	private final RuntimeMode mode;

	private final Creditors creditors;

	private final Placements placements;

	private final PaymentManagement payments;

	private final UserManagement users;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final DemoCompliance compliance;

	private final DemoDesk desk;

	private final DemoParties parties;

	private final String demoPassword;

	private final CreditorBankAccounts bankAccounts;

	private final DemoDialer dialer;

	private final DemoActivity activity;

	DemoData(RuntimeMode mode, Creditors creditors, Placements placements, PaymentManagement payments,
			UserManagement users, TransactionTemplate transactions, Clock clock, DemoCompliance compliance,
			DemoDesk desk, DemoParties parties, CreditorBankAccounts bankAccounts, DemoDialer dialer,
			DemoActivity activity, @Value("${dues.demo-password:demo}") String demoPassword) {
		this.activity = activity;
		this.dialer = dialer;
		this.bankAccounts = bankAccounts;
		this.mode = mode;
		this.creditors = creditors;
		this.placements = placements;
		this.payments = payments;
		this.users = users;
		this.transactions = transactions;
		this.clock = clock;
		this.compliance = compliance;
		this.desk = desk;
		this.parties = parties;
		this.demoPassword = demoPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.mode.demo() || !this.creditors.list().isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		// placed some days ago, and those days worked, with the clock held at each
		// moment (where the application's clock is its own, not a test's)
		ReplayClock replay = (this.clock instanceof ReplayClock held) ? held : null;
		if (replay != null) {
			replay.hold(DemoActivity.placedAt(replay.systemInstant()));
		}
		try {
			// One transaction: a start interrupted mid-load leaves nothing, and the next
			// start loads it all.
			Loaded loaded = this.transactions.execute((tx) -> loadAll());
			log.info("Demo portfolio loaded: {} accounts in {} ms",
					INDIAN_ACCOUNTS + US_ACCOUNTS + DIALLED_ACCOUNTS + DemoParties.GOLD_LOANS,
					(System.nanoTime() - started) / 1_000_000);
			if (replay != null && loaded != null) {
				this.activity.replay(replay, loaded.indian(), loaded.american());
			}
		}
		finally {
			if (replay != null) {
				replay.release();
			}
		}
	}

	private record Loaded(List<AccountView> indian, List<AccountView> american) {
	}

	private Loaded loadAll() {
		createUsers();
		CreditorView nbfc = this.creditors.create(new NewCreditor("MALABAR", "Malabar Finance Ltd (NBFC)", "IN", "INR",
				"IN", "Asia/Kolkata", null, null));
		CreditorView issuer = this.creditors.create(
				new NewCreditor("LIBERTY", "Liberty Card Services", "US", "USD", "US", "America/New_York", null, null));
		// the collection accounts their customers pay into: a statement of one is theirs
		this.bankAccounts.add(nbfc.id(), "50200012345678", "HDFC Bank collections", "demo");
		this.bankAccounts.add(issuer.id(), "021000021987654321", "Chase collections", "demo");
		Random random = new Random(20261126L);
		Names names = new Names();
		List<AccountView> indian = load(nbfc, INDIAN_ACCOUNTS, random, (n, r, today) -> indianRow(n, r, today, names));
		List<AccountView> american = load(issuer, US_ACCOUNTS, random,
				(n, r, today) -> usRow(n, r, today, names, DemoPeople.US));
		this.compliance.load(indian, american);
		java.util.UUID usTeam = this.desk.load(nbfc.code(), american);
		// placed after the rest with a generator of their own, so the demo's other
		// accounts stay as they were
		List<AccountView> dialled = load(issuer, DIALLED_ACCOUNTS, new Random(23L),
				(n, r, today) -> usRow(US_ACCOUNTS + n, r, today, names, DemoPeople.US_AROUND_THE_CLOCK));
		this.dialer.load(usTeam, issuer.code(), dialled);
		this.parties.load(indian, LocalDate.now(this.clock.withZone(nbfc.timeZone())));
		return new Loaded(indian, american);
	}

	private void createUsers() {
		// the recovery-agent certificates the RBI's directions require, current for a
		// year
		LocalDate certified = LocalDate.now(this.clock).plusYears(1);
		List<NewUser> demo = List.of(
				new NewUser("agent1", "Anjali Nair", this.demoPassword, Set.of(Role.AGENT), List.of("ml", "en"),
						List.of("KL"), "IBA-DRA-KL-20412", certified),
				new NewUser("agent2", "Rohit Verma", this.demoPassword, Set.of(Role.AGENT), List.of("hi", "en"),
						List.of("DL", "UP", "RJ", "BR", "CH"), "IBA-DRA-DL-31877", certified),
				new NewUser("agent3", "Megan Carter", this.demoPassword, Set.of(Role.AGENT), List.of("en")),
				new NewUser("lead1", "Suresh Menon", this.demoPassword, Set.of(Role.TEAM_LEAD),
						List.of("ml", "hi", "en")),
				new NewUser("manager1", "Kavita Rao", this.demoPassword, Set.of(Role.MANAGER), List.of("en", "hi")),
				new NewUser("compliance1", "Daniel Brooks", this.demoPassword, Set.of(Role.COMPLIANCE), List.of("en")),
				new NewUser("admin", "Administrator", this.demoPassword, Set.of(Role.ADMIN), List.of("en")));
		demo.forEach(this.users::createIfAbsent);
	}

	private interface RowMaker {

		Map<String, String> row(int n, Random random, LocalDate today);

	}

	private List<AccountView> load(CreditorView creditor, int count, Random random, RowMaker maker) {
		LocalDate today = LocalDate.now(this.clock.withZone(creditor.timeZone()));
		PlacementParser parser = new PlacementParser(creditor, null);
		Source source = new Source("DEMO", "demo-portfolio", "system", null);
		List<Map<String, String>> rows = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			rows.add(maker.row(n, random, today));
		}
		List<AccountView> placed = new ArrayList<>();
		for (Map<String, String> row : rows) {
			var result = this.placements.place(creditor, parser.parse(row).placement(), source);
			payLater(result.account(), random, today);
			placed.add(result.account());
		}
		return placed;
	}

	/**
	 * One account in five paid something in the days just before it was placed (received
	 * up to four days before: on its way when the account was placed, as the payment
	 * module allows); a few paid in full.
	 */
	private void payLater(org.dues.portfolio.AccountView account, Random random, LocalDate today) {
		int roll = random.nextInt(20);
		if (roll > 3 || account.balances().total().isZero()) {
			return;
		}
		Money total = account.balances().total();
		Money amount = roll == 0 ? total : new Money(
				total.amount().multiply(BigDecimal.valueOf(2 + random.nextInt(10), 2)).setScale(2, RoundingMode.DOWN),
				total.currency());
		if (!amount.isPositive()) {
			return;
		}
		PaymentChannel channel = "INR".equals(total.currencyCode())
				? pick(random, List.of(PaymentChannel.UPI, PaymentChannel.NETBANKING, PaymentChannel.CASH))
				: pick(random, List.of(PaymentChannel.ACH, PaymentChannel.CARD));
		this.payments.post(account.id(),
				new NewPayment(amount, channel, "DEMO-" + account.accountRef(), today.minusDays(random.nextInt(5))),
				"system");
	}

	/** The demo's name draws, one per region and script, each with its own seed. */
	static final class Names {

		final DemoNames keralaLatin = new DemoNames(DemoNames.KERALA_LATIN, 11L);

		final DemoNames malayalam = new DemoNames(DemoNames.KERALA_MALAYALAM, 12L);

		final DemoNames northLatin = new DemoNames(DemoNames.NORTH_LATIN, 13L);

		final DemoNames devanagari = new DemoNames(DemoNames.NORTH_DEVANAGARI, 14L);

		final DemoNames us = new DemoNames(DemoNames.US, 15L);

	}

	private Map<String, String> indianRow(int n, Random random, LocalDate today, Names names) {
		boolean kerala = n % 2 == 1;
		DemoPeople.Place place = pick(random, kerala ? DemoPeople.KERALA : DemoPeople.NORTH);
		String name;
		String language;
		if (random.nextInt(3) == 0) {
			name = (kerala ? names.keralaLatin : names.northLatin).next();
			language = "en";
		}
		else if (kerala) {
			name = names.malayalam.next();
			language = "ml";
		}
		else {
			name = names.devanagari.next();
			language = "hi";
		}
		Map<String, String> row = common(n, random, today, 200, new BigDecimal(15_000 + random.nextInt(485_000)));
		row.put("account_ref", "MFL" + (kerala ? "KL" : "NI") + String.format("%07d", n));
		row.put("customer_ref", "MC" + String.format("%07d", n));
		row.put("customer_name", name);
		row.put("currency", "INR");
		row.put("language", language);
		row.put("product", pick(random, List.of("Two-wheeler loan", "Gold loan", "Personal loan", "Microfinance JLG",
				"Consumer durable loan")));
		row.put("phone_1", DemoPeople.indianMobile(random));
		if (random.nextBoolean()) {
			row.put("phone_2", DemoPeople.indianLandline(random, place));
		}
		row.put("address_line1", (1 + random.nextInt(300)) + ", " + pick(random, DemoPeople.IN_STREETS));
		row.put("city", place.city());
		row.put("state", place.state());
		row.put("postal_code", place.postal() + String.format("%02d", 1 + random.nextInt(40)));
		row.put("country", "IN");
		row.put("national_id", DemoPeople.pan(n));
		return row;
	}

	private Map<String, String> usRow(int n, Random random, LocalDate today, Names names,
			List<DemoPeople.Place> places) {
		DemoPeople.Place place = pick(random, places);
		String[] name = names.us.next().split(" ", 2);
		String given = name[0];
		String family = name[1];
		Map<String, String> row = common(n, random, today, 400, new BigDecimal(500 + random.nextInt(14_500)));
		row.put("account_ref", "4" + String.format("%015d", 11_000_000_000L + n * 7919L));
		row.put("customer_ref", "LC" + String.format("%08d", n));
		row.put("customer_name", given + " " + family);
		row.put("currency", "USD");
		row.put("language", random.nextInt(8) == 0 ? "es" : "en");
		row.put("product", "Credit card");
		row.put("phone_1", DemoPeople.usPhone(random, place));
		row.put("email", (given + "." + family).toLowerCase().replace("'", "") + n + "@example.com");
		row.put("address_line1", (100 + random.nextInt(9800)) + " " + pick(random, DemoPeople.US_STREETS));
		row.put("city", place.city());
		row.put("state", place.state());
		row.put("postal_code", place.postal() + String.format("%02d", random.nextInt(100)));
		row.put("country", "US");
		row.put("national_id", DemoPeople.ssn(n));
		if (n % 40 == 0) {
			// an old charged-off card debt, past every state's limitation period: no suit
			// may be threatened or filed on it (Regulation F § 1006.26(b))
			LocalDate defaulted = today.minusYears(7).minusDays(n % 200);
			row.put("oldest_due_date", defaulted.toString());
			row.put("charge_off_date", defaulted.plusDays(180).toString());
			row.put("open_date", defaulted.minusYears(3).toString());
		}
		return row;
	}

	/**
	 * Balances and delinquency: about one account in ten current, the rest spread to
	 * maxDpd.
	 */
	private static Map<String, String> common(int n, Random random, LocalDate today, int maxDpd, BigDecimal original) {
		Map<String, String> row = new HashMap<>();
		BigDecimal principal = original.multiply(BigDecimal.valueOf(30 + random.nextInt(66), 2))
			.setScale(2, RoundingMode.HALF_EVEN);
		BigDecimal interest = principal.multiply(BigDecimal.valueOf(random.nextInt(12), 2))
			.setScale(2, RoundingMode.HALF_EVEN);
		BigDecimal fees = BigDecimal.valueOf(random.nextInt(4) * 250L);
		BigDecimal total = principal.add(interest).add(fees);
		int dpd = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(maxDpd);
		BigDecimal instalment = original.divide(BigDecimal.valueOf(24), 2, RoundingMode.HALF_EVEN);
		BigDecimal overdue = dpd == 0 ? BigDecimal.ZERO
				: instalment.multiply(BigDecimal.valueOf(1 + dpd / 30)).min(total).add(fees).min(total);
		row.put("principal_outstanding", principal.toPlainString());
		row.put("interest_outstanding", interest.toPlainString());
		row.put("fees_outstanding", fees.toPlainString());
		row.put("total_outstanding", total.toPlainString());
		row.put("overdue_amount", overdue.toPlainString());
		if (dpd > 0) {
			row.put("oldest_due_date", today.minusDays(dpd).toString());
		}
		row.put("original_amount", original.toPlainString());
		row.put("installment_amount", instalment.toPlainString());
		row.put("open_date", today.minusDays(200 + dpd + random.nextInt(600)).toString());
		return row;
	}

}

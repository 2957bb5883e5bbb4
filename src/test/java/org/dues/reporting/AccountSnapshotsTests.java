package org.dues.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The daily account snapshot: taken again for a day it replaces that day; partitions are
 * made for the month of any day taken and ahead, and dropped past the retention; and the
 * roll rates of two month ends match a matrix computed by hand.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class AccountSnapshotsTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	MutableClock clock;

	@Autowired
	AccountSnapshots snapshots;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaymentManagement payments;

	@Test
	void aDayTakenAgainReplacesItAndTheRollUpAddsUpToIt() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView first = this.portfolios.overdue(nbfc, 40, "1000.00");
		this.portfolios.overdue(nbfc, 10, "2500.50");
		this.portfolios.overdue(nbfc, 95, "400.00");
		LocalDate day = LocalDate.of(2026, 11, 26);

		assertThat(this.snapshots.take(day, List.of(nbfc.id().value())).accounts()).isEqualTo(3);
		// the account is paid down in part, and the day is taken again
		// (through the ledger: other tests check every account's balance against its
		// entries)
		this.payments.post(first.id(),
				new NewPayment(Money.of("400.00", "INR"), PaymentChannel.UPI, "SNAPSHOT-PART", null), "gateway");
		assertThat(this.snapshots.take(day, List.of(nbfc.id().value())).accounts()).isEqualTo(3);

		Map<String, Object> p = Map.of("d", day, "c", nbfc.id().value());
		assertThat(this.jdbc
			.sql("SELECT count(*), sum(balance) FROM reporting_account_snapshots"
					+ " WHERE day = :d AND creditor_id = :c")
			.params(p)
			.query((rs, n) -> rs.getLong(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString())
			.single()).isEqualTo("3 3500.5");
		assertThat(this.jdbc
			.sql("SELECT sum(accounts), sum(balance), sum(delinquent) FROM reporting_portfolio_daily"
					+ " WHERE day = :d AND creditor_id = :c")
			.params(p)
			.query((rs, n) -> rs.getLong(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + " "
					+ rs.getLong(3))
			.single()).isEqualTo("3 3500.5 3");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM reporting_snapshot_runs WHERE day = :d AND creditor_id = :c AND accounts = 3")
			.params(p)
			.query(Long.class)
			.single()).isEqualTo(1);
		// the snapshot states the bucket as aging left it, with its rank in the scheme
		assertThat(this.jdbc
			.sql("SELECT bucket || ' ' || bucket_rank FROM reporting_account_snapshots"
					+ " WHERE day = :d AND account_id = :a")
			.param("d", day)
			.param("a", first.id().value())
			.query(String.class)
			.single()).isEqualTo("SMA-1 2");
	}

	@Test
	void collectionsByBucketTakeTheAccountsBucketOfTheDayBeforeWhicheverIsWrittenFirst() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView early = this.portfolios.overdue(nbfc, 40, "9000.00");
		AccountView late = this.portfolios.overdue(nbfc, 70, "9000.00");
		state(early, "SMA-1", "40", "ACTIVE");
		state(late, "SMA-2", "70", "ACTIVE");
		LocalDate today = LocalDate.of(2026, 11, 26);
		ReportFilter period = ReportFilter.period(today, today).forCreditor(nbfc.id().value());

		// paid before the day before was taken: no bucket yet
		pay(early, "100.00", today);
		assertThat(byBucket(period)).isEqualTo(Map.of("", "100"));
		// taking the day before stamps the day's payments with it
		this.snapshots.take(today.minusDays(1), List.of(nbfc.id().value()));
		assertThat(byBucket(period)).isEqualTo(Map.of("SMA-1", "100"));
		// paid after: stamped as it is written
		pay(late, "200.00", today);
		assertThat(byBucket(period)).isEqualTo(Map.of("SMA-1", "100", "SMA-2", "200"));
		// the day before taken again: its new buckets
		state(early, "SMA-0", "20", "ACTIVE");
		this.snapshots.take(today.minusDays(1), List.of(nbfc.id().value()));
		assertThat(byBucket(period)).isEqualTo(Map.of("SMA-0", "100", "SMA-2", "200"));
		// a bucket filter, and the days to pay beside it, apply the same stamp
		ReportFilter sma2 = new ReportFilter(today, today, nbfc.id().value(), null, "SMA-2", null, null, null, null,
				null, null);
		assertThat(this.measures.collections(sma2, GroupBy.CREDITOR).totals().get(0).gross().amount())
			.isEqualByComparingTo("200.00");
		assertThat(this.measures.measures(sma2).payments()).isEqualTo(1);
		assertThat(this.measures.measures(period).averageDaysToPay()).isNotNull();
	}

	@Test
	void anEarlierDayIsReconstructedFromTheAccountsAndThePaymentsSince() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView partly = this.portfolios.overdue(nbfc, 40, "9000.00");
		AccountView paid = this.portfolios.overdue(nbfc, 75, "500.00");
		AccountView recent = this.portfolios.overdue(nbfc, 10, "300.00");
		LocalDate today = LocalDate.of(2026, 11, 26);
		pay(partly, "1000.00", today);
		pay(paid, "500.00", today);
		java.util.UUID creditor = nbfc.id().value();

		assertThat(this.snapshots.reconstruct(LocalDate.of(2026, 10, 31), List.of(creditor)).accounts()).isEqualTo(3);
		// 26 days before: 40 days past due was 14, 75 was 49, 10 was none (and nothing
		// overdue); what was paid since is owed again, and the account paid off was
		// active
		Map<java.util.UUID, String> then = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT account_id, status, bucket, bucket_rank, days_past_due, balance, overdue
				FROM reporting_account_snapshots WHERE day = '2026-10-31' AND creditor_id = :c""")
			.param("c", creditor)
			.query((rs) -> {
				then.put(rs.getObject(1, java.util.UUID.class),
						String.join(" ", rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
								rs.getBigDecimal(6).stripTrailingZeros().toPlainString(),
								rs.getBigDecimal(7).stripTrailingZeros().toPlainString()));
			});
		assertThat(then).containsEntry(partly.id().value(), "ACTIVE SMA-0 1 14 9000 9000")
			.containsEntry(paid.id().value(), "ACTIVE SMA-0 1 1 500 500")
			.containsEntry(recent.id().value(), "ACTIVE CURRENT 0 0 300 0");
		// today taken as usual: November's migrations against the reconstructed month end
		this.snapshots.take(today, List.of(creditor));
		RollRates rolls = this.measures.rollRates(java.time.YearMonth.of(2026, 11),
				ReportFilter.period(today, today).forCreditor(creditor));
		Map<String, String> moves = new java.util.TreeMap<>();
		this.jdbc.sql("""
				SELECT from_bucket, coalesce(to_bucket, '') || ' ' || to_status, accounts FROM reporting_roll_moves
				WHERE month = '2026-11-01' AND creditor_id = :c AND to_status = 'ACTIVE'""")
			.param("c", creditor)
			.query((rs) -> {
				moves.put(rs.getString(1), rs.getString(2) + " " + rs.getLong(3));
			});
		String paidNow = this.jdbc.sql("SELECT status FROM portfolio_account_report_facts WHERE id = :a")
			.param("a", paid.id().value())
			.query(String.class)
			.single();
		assertThat(moves).containsEntry("SMA-0", "SMA-1 ACTIVE 1").containsEntry("CURRENT", "SMA-0 ACTIVE 1");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM reporting_roll_moves
				WHERE month = '2026-11-01' AND creditor_id = :c AND from_bucket = 'SMA-0' AND to_status = :s""")
			.param("c", creditor)
			.param("s", paidNow)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(rolls.rows()).isNotEmpty();
		// only a day gone by
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.snapshots.reconstruct(today, List.of(creditor)))
			.isInstanceOf(org.dues.shared.InvalidInputException.class);
	}

	private void pay(AccountView account, String amount, LocalDate received) {
		long before = credits(account);
		this.payments.post(account.id(), new NewPayment(Money.of(amount, "INR"), PaymentChannel.UPI,
				"STAMP-" + account.id().value() + "-" + amount, received), "gateway");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> credits(account) > before);
	}

	private long credits(AccountView account) {
		return this.jdbc.sql("SELECT count(*) FROM reporting_payment_credits WHERE account_id = :a")
			.param("a", account.id().value())
			.query(Long.class)
			.single();
	}

	private Map<String, String> byBucket(ReportFilter filter) {
		Map<String, String> rows = new java.util.TreeMap<>();
		this.measures.collections(filter, GroupBy.BUCKET)
			.rows()
			.forEach((r) -> rows.put(r.key(), r.gross().amount().stripTrailingZeros().toPlainString()));
		return rows;
	}

	@Test
	void partitionsAreMadeAheadAndDroppedPastTheRetention() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		this.portfolios.overdue(nbfc, 40, "1000.00");
		// a day long past: its month gets a partition when it is taken
		this.snapshots.take(LocalDate.of(2024, 1, 15), List.of(nbfc.id().value()));
		this.snapshots.take(LocalDate.of(2024, 11, 15), List.of(nbfc.id().value()));
		assertThat(this.snapshots.months()).contains(YearMonth.of(2024, 1), YearMonth.of(2024, 11));

		this.clock.set(Instant.parse("2026-12-10T00:00:00Z"));
		List<YearMonth> dropped = this.snapshots.maintain();

		// 25 months before 2026-12-10 is 2024-11-10: January 2024 is all older, November
		// 2024 is not
		assertThat(dropped).contains(YearMonth.of(2024, 1)).doesNotContain(YearMonth.of(2024, 11));
		assertThat(this.snapshots.months()).doesNotContain(YearMonth.of(2024, 1))
			.contains(YearMonth.of(2024, 11), YearMonth.of(2026, 12), YearMonth.of(2027, 1), YearMonth.of(2027, 2));
		assertThat(this.jdbc.sql("SELECT count(*) FROM reporting_account_snapshots WHERE day = '2024-01-15'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM reporting_account_snapshots WHERE day = '2024-11-15'")
			.query(Long.class)
			.single()).isPositive();
	}

	/**
	 * Six accounts of a US issuer (30-day buckets), balances 100 to 600, at the end of
	 * October and of November:
	 *
	 * <pre>
	 * A 100 CURRENT -> 1-30    roll forward
	 * B 200 1-30    -> CURRENT cured
	 * C 300 1-30    -> 31-60   roll forward
	 * D 400 31-60   -> 1-30    roll back
	 * E 500 31-60   -> PAID    cured
	 * F 600 61-90   -> 61-90   stays
	 * </pre>
	 *
	 * Roll forward 2 of 6 (0.3333), by balance 400 of 2100 (0.1905); cure 2 of the 5
	 * delinquent (0.4), by balance 700 of 2000 (0.35); roll back 1 of 5 (0.2), by balance
	 * 400 of 2000 (0.2); stay 1 of 6 (0.1667). The 1-30 row: 2 accounts, 1 forward (0.5),
	 * 1 cured (0.5).
	 */
	@Test
	void rollRatesMatchAHandComputedExample() throws Exception {
		this.agents.manager("manager-roll", "manager-secret");
		CreditorView issuer = this.portfolios.usIssuer();
		String[][] accounts = { { "100", "CURRENT", "0", "1-30", "10", "ACTIVE" },
				{ "200", "1-30", "15", "CURRENT", "0", "ACTIVE" }, { "300", "1-30", "20", "31-60", "50", "ACTIVE" },
				{ "400", "31-60", "45", "1-30", "25", "ACTIVE" }, { "500", "31-60", "50", "CURRENT", "0", "PAID" },
				{ "600", "61-90", "70", "61-90", "85", "ACTIVE" } };
		List<AccountView> placed = new java.util.ArrayList<>();
		for (String[] a : accounts) {
			placed.add(this.portfolios.overdue(issuer, 10, a[0]));
		}
		for (int i = 0; i < accounts.length; i++) {
			state(placed.get(i), accounts[i][1], accounts[i][2], "ACTIVE");
		}
		this.snapshots.take(LocalDate.of(2026, 10, 31), List.of(issuer.id().value()));
		for (int i = 0; i < accounts.length; i++) {
			state(placed.get(i), accounts[i][3], accounts[i][4], accounts[i][5]);
		}
		// the last day of November: the month's migrations are computed with it
		this.snapshots.take(LocalDate.of(2026, 11, 30), List.of(issuer.id().value()));

		String json = this.mvc
			.perform(get("/api/v1/reports/roll-rates").param("month", "2026-11")
				.param("creditor", issuer.code())
				.with(httpBasic("manager-roll", "manager-secret")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(json, "$.columns")).containsExactly("CURRENT", "1-30", "31-60", "61-90",
				"PAID");
		assertThat(JsonPath.<List<String>>read(json, "$.rows[*].bucket")).containsExactly("CURRENT", "1-30", "31-60",
				"61-90");
		// the matrix, row by row: accounts per column
		assertThat(JsonPath.<List<Integer>>read(json, "$.rows[0].cells[*].accounts")).containsExactly(0, 1, 0, 0, 0);
		assertThat(JsonPath.<List<Integer>>read(json, "$.rows[1].cells[*].accounts")).containsExactly(1, 0, 1, 0, 0);
		assertThat(JsonPath.<List<Integer>>read(json, "$.rows[2].cells[*].accounts")).containsExactly(0, 1, 0, 0, 1);
		assertThat(JsonPath.<List<Integer>>read(json, "$.rows[3].cells[*].accounts")).containsExactly(0, 0, 0, 1, 0);
		assertThat(JsonPath.<String>read(json, "$.rows[2].cells[4].balance")).isEqualTo("500.0000");
		assertThat(rate(json, "$.total.rollForward")).isEqualByComparingTo("0.3333");
		assertThat(rate(json, "$.total.rollForwardByBalance")).isEqualByComparingTo("0.1905");
		assertThat(rate(json, "$.total.cure")).isEqualByComparingTo("0.4");
		assertThat(rate(json, "$.total.cureByBalance")).isEqualByComparingTo("0.35");
		assertThat(rate(json, "$.total.rollBack")).isEqualByComparingTo("0.2");
		assertThat(rate(json, "$.total.rollBackByBalance")).isEqualByComparingTo("0.2");
		assertThat(rate(json, "$.total.stay")).isEqualByComparingTo("0.1667");
		assertThat(JsonPath.<Integer>read(json, "$.total.accounts")).isEqualTo(6);
		assertThat(rate(json, "$.rows[1].rates.rollForward")).isEqualByComparingTo("0.5");
		assertThat(rate(json, "$.rows[1].rates.cure")).isEqualByComparingTo("0.5");
		assertThat(JsonPath.<String>read(json, "$.fromDay")).isEqualTo("2026-10-31");
		assertThat(JsonPath.<String>read(json, "$.toDay")).isEqualTo("2026-11-30");

		// the same through the measures: the cure rate of a period holding the November
		// month end
		PeriodMeasures measures = this.measures
			.measures(ReportFilter.period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))
				.forCreditor(issuer.id().value()));
		assertThat(measures.cureRate()).isEqualTo(Rate.of(2, 5));
		assertThat(measures.openingAccounts()).isEqualTo(6);
		assertThat(measures.startDay()).isEqualTo(LocalDate.of(2026, 10, 31));
	}

	@Test
	void creditorsWithDifferentBucketsHaveEachTheirOwnMatrix() throws Exception {
		this.agents.manager("manager-schemes", "manager-secret");
		CreditorView issuer = this.portfolios.usIssuer();
		CreditorView nbfc = this.portfolios.indianNbfc();
		assertThat(issuer.bucketScheme()).isNotEqualTo(nbfc.bucketScheme());
		AccountView card = this.portfolios.overdue(issuer, 10, "700");
		AccountView loan = this.portfolios.overdue(nbfc, 10, "70000");
		state(card, "1-30", "10", "ACTIVE");
		state(loan, "SMA-0", "10", "ACTIVE");
		this.snapshots.take(LocalDate.of(2026, 10, 31), List.of(issuer.id().value(), nbfc.id().value()));
		state(card, "31-60", "40", "ACTIVE");
		state(loan, "SMA-1", "40", "ACTIVE");
		this.snapshots.take(LocalDate.of(2026, 11, 30), List.of(issuer.id().value(), nbfc.id().value()));

		// all creditors: no matrix mixing SMA classes with 30-day buckets
		String refused = this.mvc
			.perform(get("/api/v1/reports/roll-rates").param("month", "2026-11")
				.with(httpBasic("manager-schemes", "manager-secret")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(refused, "$.errors[0].field")).isEqualTo("creditor");
		assertThat(JsonPath.<String>read(refused, "$.detail")).contains("per creditor", issuer.code(), nbfc.code());
		this.mvc
			.perform(get("/api/v1/reports/roll-rates").param("month", "2026-11")
				.header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
				.with(httpBasic("manager-schemes", "manager-secret")))
			.andExpect(status().is4xxClientError());
		// each creditor's own
		String cards = this.mvc
			.perform(get("/api/v1/reports/roll-rates").param("month", "2026-11")
				.param("creditor", issuer.code())
				.with(httpBasic("manager-schemes", "manager-secret")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(cards, "$.rows[*].bucket")).containsExactly("1-30");
		String loans = this.mvc
			.perform(get("/api/v1/reports/roll-rates").param("month", "2026-11")
				.param("creditor", nbfc.code())
				.with(httpBasic("manager-schemes", "manager-secret")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(loans, "$.rows[*].bucket")).containsExactly("SMA-0");

		// the reports page says to choose a creditor, in the reader's language
		for (String[] language : new String[][] { { "en", "Choose a creditor" }, { "hi", "एक लेनदार चुनें" },
				{ "ml", "ഒരു കടദാതാവിനെ തിരഞ്ഞെടുക്കുക" } }) {
			org.jsoup.nodes.Document page = org.jsoup.Jsoup
				.parse(this.mvc
					.perform(get("/reports").param("month", "2026-11")
						.param("lang", language[0])
						.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
							.user("manager-schemes")
							.roles("MANAGER")))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
			org.jsoup.select.Elements note = page.select("[data-report-table] p:contains(" + language[1] + ")");
			assertThat(note).as("the roll-rate note in %s", language[0]).hasSize(1);
			assertThat(note.text()).contains(issuer.code(), nbfc.code());
			assertThat(note.first().closest("[data-report-table]").select("tbody").text()).as("no matrix")
				.doesNotContain("SMA-0", "1-30");
			assertThat(page.select("[data-chart-section=roll-rates]")).as("no heat map of a mixed matrix").isEmpty();
		}
	}

	@Autowired
	Measures measures;

	private static BigDecimal rate(String json, String path) {
		return new BigDecimal(JsonPath.read(json, path).toString());
	}

	private void state(AccountView account, String bucket, String dpd, String status) {
		this.jdbc.sql("UPDATE portfolio_accounts SET bucket = :b, days_past_due = :d, status = :s WHERE id = :id")
			.param("b", bucket)
			.param("d", Integer.parseInt(dpd))
			.param("s", status)
			.param("id", account.id().value())
			.update();
	}

}

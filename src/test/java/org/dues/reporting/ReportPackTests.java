package org.dues.reporting;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.messaging.StaffMail;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentView;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.system.Actor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The management pack: a creditor's month holds its own payments and reversals, not
 * another's; the dashboard, its XLSX and its CSV say the same figures; a scheduled pack
 * goes once per period after 07:00 on the first in its zone, never for a month over
 * before it was made, and is kept with its PDF where no mail server is set.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class ReportPackTests {

	private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentManagement payments;

	@Autowired
	ManagementPack pack;

	@Autowired
	ReportSubscriptions subscriptions;

	@Autowired
	AccountSnapshots snapshots;

	@Autowired
	StaffMail mail;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCreditorsMonthHoldsItsPaymentsLessItsReversalsAndTheExportsSayTheSame() throws Exception {
		CreditorView mine = this.portfolios.indianNbfc();
		CreditorView other = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(mine, 45, "90000.00");
		AccountView elsewhere = this.portfolios.overdue(other, 45, "50000.00");
		PaymentView kept = pay(account, "12345.67", "PACK-1");
		PaymentView bounced = pay(account, "1000.00", "PACK-2");
		pay(elsewhere, "777.00", "PACK-3");
		this.payments.reverse(account.id(), bounced.id(), "cheque returned", Actor.system("bank"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM reporting_payment_credits WHERE account_id IN (:a, :b)")
				.param("a", account.id().value())
				.param("b", elsewhere.id().value())
				.query(Long.class)
				.single() == 4);
		ReportPeriod november = ReportPeriod.parseMonth("2026-11");
		ReportTable measures = this.pack.build(november, mine.code(), Locale.ENGLISH, INDIA)
			.tables()
			.stream()
			.filter((t) -> t.title().equals("Measures"))
			.findFirst()
			.orElseThrow();
		// nothing was paid in October: the previous period is empty, not zero
		assertThat(measures.rows()).contains(Arrays.asList("Collected (gross) (INR)", inr("13345.67"), null),
				Arrays.asList("Reversed (INR)", inr("1000.00"), null),
				Arrays.asList("Collected (net) (INR)", inr("12345.67"), null));
		assertThat(measures.rows()).anySatisfy((row) -> assertThat(row).startsWith("Payments", 2L));
		assertThat(kept.amount()).isEqualTo(inr("12345.67"));

		// the page shows it in the reader's grouping; the workbook holds the numbers
		Document page = Jsoup
			.parse(ok(get("/reports").param("month", "2026-11").param("creditor", mine.code())).getContentAsString());
		assertThat(page.select("[data-report-table] tr:contains(Collected (net) (INR))").text()).contains("₹12,345.67");
		assertThat(page.select("[data-chart-section]")).hasSize(2);
		assertThat(page.select("[data-chart-section=collected] [data-chart]").attr("data-chart"))
			.contains("\"kind\":\"line\"", "\"currency\":\"INR\"");
		byte[] xlsx = ok(get("/reports/pack.xlsx").param("month", "2026-11").param("creditor", mine.code()))
			.getContentAsByteArray();
		List<String> cells = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			workbook.getSheets().forEach((sheet) -> {
				try {
					for (Row row : sheet.read()) {
						row.forEach((cell) -> cells.add(cell.getRawValue()));
					}
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
		assertThat(cells).as("the filters are named in the file").anyMatch((c) -> c != null && c.contains(mine.code()));
		assertThat(cells.stream().filter((c) -> c != null && c.matches("-?[0-9.]+")).map(BigDecimal::new).toList())
			.anySatisfy((n) -> assertThat(n).isEqualByComparingTo("13345.67"))
			.anySatisfy((n) -> assertThat(n).isEqualByComparingTo("12345.67"))
			.noneSatisfy((n) -> assertThat(n).isEqualByComparingTo("777"));
		String csv = new String(ok(get("/reports/pack.csv").param("month", "2026-11").param("creditor", mine.code()))
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv).contains("Collected (net) (INR),12345.67,\r\n");
		// in Hindi the measures are Hindi
		assertThat(Jsoup.parse(ok(get("/reports").param("month", "2026-11").param("lang", "hi")).getContentAsString())
			.select("[data-report-table]")
			.text()).contains("मापदंड");
	}

	@Test
	void theWorkbookHoldsThePagesFiguresRollRatesIncluded() throws Exception {
		CreditorView mine = this.portfolios.indianNbfc();
		List<AccountView> accounts = new ArrayList<>();
		for (int dpd : new int[] { 5, 25, 40, 70, 95, 120 }) {
			accounts.add(this.portfolios.overdue(mine, dpd, "10000.00"));
		}
		pay(accounts.get(0), "10000.00", "WB-1");
		pay(accounts.get(3), "2500.00", "WB-2");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM reporting_payment_credits WHERE creditor_id = :c")
				.param("c", mine.id().value())
				.query(Long.class)
				.single() == 2);
		// October's end as the demo reconstructs it, and today as the job takes it
		this.snapshots.reconstruct(java.time.LocalDate.of(2026, 10, 31), List.of(mine.id().value()));
		this.snapshots.take(java.time.LocalDate.of(2026, 11, 26), List.of(mine.id().value()));

		Document page = Jsoup
			.parse(ok(get("/reports").param("month", "2026-11").param("creditor", mine.code())).getContentAsString());
		byte[] xlsx = ok(get("/reports/pack.xlsx").param("month", "2026-11").param("creditor", mine.code()))
			.getContentAsByteArray();
		List<List<List<String>>> sheets = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			workbook.getSheets().forEach((sheet) -> {
				List<List<String>> rows = new ArrayList<>();
				try {
					for (Row row : sheet.read()) {
						List<String> cells = new ArrayList<>();
						for (int c = 0; c < row.getCellCount(); c++) {
							org.dhatim.fastexcel.reader.Cell cell = row.getCell(c);
							// a number marked as such, text as it is
							cells.add((cell == null) ? null
									: (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER)
											? "#" + cell.getRawValue() : cell.getRawValue());
						}
						rows.add(cells);
					}
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
				sheets.add(rows);
			});
		}
		org.jsoup.select.Elements tables = page.select("[data-report-table]");
		assertThat(tables).hasSameSizeAs(sheets);
		assertThat(page.select("[data-report-table]:contains(Roll rates) tbody tr")).as("the roll-rate matrix")
			.hasSizeGreaterThan(2);
		int compared = 0;
		for (int t = 0; t < tables.size(); t++) {
			List<String> columns = tables.get(t).select("thead th").eachText();
			List<List<String>> rows = sheets.get(t);
			int header = 0;
			while (header < rows.size()
					&& !(rows.get(header).size() >= columns.size() && columns.get(0).equals(rows.get(header).get(0)))) {
				header++;
			}
			assertThat(header).as("the header of table %d in its sheet", t).isLessThan(rows.size());
			org.jsoup.select.Elements trs = tables.get(t).select("tbody tr");
			if (trs.size() == 1 && trs.get(0).select("td").size() == 1) {
				continue;
			}
			for (int r = 0; r < trs.size(); r++) {
				List<String> shown = trs.get(r).select("td").eachText();
				List<String> held = rows.get(header + 1 + r);
				for (int c = 0; c < shown.size(); c++) {
					String cell = (c < held.size()) ? held.get(c) : null;
					if (cell == null || !cell.startsWith("#")) {
						continue;
					}
					String text = shown.get(c).replace('−', '-').replaceAll("[^0-9.%-]", "");
					assertThat(text).as("table %d row %d column %d: %s", t, r, c, shown.get(c))
						.containsPattern("[0-9]");
					BigDecimal number = new BigDecimal(cell.substring(1));
					if (text.endsWith("%")) {
						assertThat(new BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(2))
							.as("table %d row %d column %d", t, r, c)
							.isCloseTo(number, org.assertj.core.data.Offset.offset(new BigDecimal("0.0005")));
					}
					else {
						assertThat(new BigDecimal(text)).as("table %d row %d column %d", t, r, c)
							.isEqualByComparingTo(number);
					}
					compared++;
				}
			}
		}
		assertThat(compared).isGreaterThan(20);
	}

	@Test
	void aScheduledPackGoesOncePerPeriodAfterSevenOnTheFirstAndIsKept() throws Exception {
		assertThatThrownBy(() -> this.subscriptions.subscribe("Board", ReportPeriod.Cadence.MONTHLY,
				"ops@example.com, not-an-address", "en", null, "Asia/Kolkata", "manager1"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not-an-address");
		// made on 26 November: October is over before it existed and is not sent
		ReportSubscriptions.Subscription board = this.subscriptions.subscribe("Board", ReportPeriod.Cadence.MONTHLY,
				"ops@example.com; head@example.com", "ml", null, "Asia/Kolkata", "manager1");
		assertThat(board.recipients()).containsExactly("ops@example.com", "head@example.com");
		this.clock.set(Instant.parse("2026-11-30T23:00:00Z")); // 1 December 04:30 in
																// India
		this.subscriptions.deliverDue();
		assertThat(this.subscriptions.deliveries(board.id())).isEmpty();
		this.clock.set(Instant.parse("2026-12-01T02:00:00Z")); // 07:30 in India
		this.subscriptions.deliverDue();
		this.subscriptions.deliverDue();
		List<ReportSubscriptions.Delivery> deliveries = this.subscriptions.deliveries(board.id());
		assertThat(deliveries).singleElement().satisfies((d) -> {
			assertThat(d.period()).isEqualTo("2026-11");
			assertThat(d.status()).isEqualTo(StaffMail.Status.SIMULATED);
			assertThat(d.by()).isEqualTo("scheduler");
		});
		StaffMail.Document pdf = this.subscriptions.document(board.id(), deliveries.get(0).mail()).orElseThrow();
		assertThat(new String(pdf.content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(pdf.fileName()).isEqualTo("dues-pack-2026-11.pdf");
		assertThat(this.mail.recent(ReportSubscriptions.PURPOSE, 10))
			.anySatisfy((m) -> assertThat(m.subject()).contains("Board", "2026-11", "മാനേജ്മെന്റ്"));

		// stopped, nothing more goes
		this.subscriptions.stop(board.id(), "manager1");
		this.clock.set(Instant.parse("2027-01-01T02:00:00Z"));
		this.subscriptions.deliverDue();
		assertThat(this.subscriptions.deliveries(board.id())).hasSize(1);
	}

	@Test
	void managersScheduleFromThePageAndOthersCannot() throws Exception {
		assertThat(this.mvc.perform(get("/reports").with(user("reports-agent").roles("AGENT")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.mvc
			.perform(post("/reports/subscriptions").with(user("reports-compliance").roles("COMPLIANCE"))
				.with(csrf())
				.param("name", "Mine")
				.param("cadence", "WEEKLY")
				.param("recipients", "me@example.com")
				.param("language", "en")
				.param("zone", "Asia/Kolkata"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		MockHttpServletResponse saved = this.mvc
			.perform(post("/reports/subscriptions").with(user("reports-manager").roles("MANAGER"))
				.with(csrf())
				.param("name", "Weekly floor")
				.param("cadence", "WEEKLY")
				.param("recipients", "floor@example.com")
				.param("language", "hi")
				.param("zone", "Asia/Kolkata"))
			.andReturn()
			.getResponse();
		assertThat(saved.getRedirectedUrl()).isEqualTo("/reports#subscriptions");
		Document page = Jsoup.parse(ok(get("/reports")).getContentAsString());
		String id = page.select("#subscription-list tr:contains(Weekly floor)").attr("data-subscription");
		assertThat(id).isNotEmpty();
		this.mvc.perform(post("/reports/subscriptions/{id}/send", id).with(user("reports-manager").roles("MANAGER"))
			.with(csrf()));
		page = Jsoup.parse(ok(get("/reports")).getContentAsString());
		String link = page.select("#subscription-list tr[data-subscription=" + id + "] a").attr("href");
		assertThat(page.select("#subscription-list tr[data-subscription=" + id + "]").text()).contains("2026-W47");
		byte[] pdf = ok(get(link)).getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}

	private MockHttpServletResponse ok(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.with(user("reports-manager").roles("MANAGER")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response;
	}

	private PaymentView pay(AccountView account, String amount, String reference) {
		return this.payments
			.post(account.id(), new NewPayment(inr(amount), PaymentChannel.UPI, reference, null), "gateway")
			.payment();
	}

	private static Money inr(String amount) {
		return Money.of(amount, "INR");
	}

}

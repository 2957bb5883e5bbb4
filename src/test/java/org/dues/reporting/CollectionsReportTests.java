package org.dues.reporting;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The collected figure of the collections report equals the sum of the payments less the
 * reversals taken through the API, for any period and creditor: random payments (random
 * accounts of two creditors in two time zones, amounts and received dates) and random
 * reversals on random later days, then random periods compared with sums kept beside.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class CollectionsReportTests {

	private static final Instant FIRST_DAY = Instant.parse("2026-12-01T06:00:00Z");

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void collectedIsThePaymentsLessTheReversalsForAnyPeriodAndCreditor() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		this.clock.set(FIRST_DAY);
		this.agents.manager("manager-col", "manager-secret");
		CreditorView nbfc = this.portfolios.indianNbfc();
		CreditorView issuer = this.portfolios.usIssuer();
		List<AccountView> accounts = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			accounts.add(this.portfolios.overdue(nbfc, 40, "900000.00"));
			accounts.add(this.portfolios.overdue(issuer, 40, "900000.00"));
		}
		List<Posted> payments = new ArrayList<>();
		List<Posted> reversals = new ArrayList<>();
		for (int day = 0; day < 8; day++) {
			this.clock.set(FIRST_DAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(random.nextInt(14))));
			for (int n = random.nextInt(5) + 1; n > 0; n--) {
				AccountView account = accounts.get(random.nextInt(accounts.size()));
				CreditorView creditor = account.creditorId().equals(nbfc.id()) ? nbfc : issuer;
				LocalDate today = LocalDate.now(this.clock.withZone(creditor.timeZone()));
				LocalDate received = today.minusDays(random.nextInt(4));
				BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(50000), 2);
				String json = this.mvc
					.perform(post("/api/v1/accounts/{id}/payments", account.id().value())
						.with(httpBasic("manager-col", "manager-secret"))
						.contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"amount": "%s", "channel": "UPI", "reference": "RND-%d-%d", "receivedOn": "%s"}"""
							.formatted(amount.toPlainString(), seed, payments.size(), received)))
					.andExpect(status().isCreated())
					.andReturn()
					.getResponse()
					.getContentAsString();
				payments.add(new Posted(creditor, account, JsonPath.read(json, "$.id"), received, amount));
			}
			// some earlier payments bounce today
			for (Posted p : List.copyOf(payments)) {
				if (random.nextInt(6) == 0 && reversals.stream().noneMatch((r) -> r.id().equals(p.id()))) {
					this.mvc
						.perform(post("/api/v1/accounts/{a}/payments/{p}/reversal", p.account().id().value(), p.id())
							.with(httpBasic("manager-col", "manager-secret"))
							.contentType(MediaType.APPLICATION_JSON)
							.content("{\"reason\": \"cheque returned\"}"))
						.andExpect(status().isOk());
					reversals.add(new Posted(p.creditor(), p.account(), p.id(),
							LocalDate.now(this.clock.withZone(p.creditor().timeZone())), p.amount()));
				}
			}
		}
		int rows = payments.size() + reversals.size();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM reporting_payment_credits WHERE creditor_id = ANY(:c)")
				.param("c", new java.util.UUID[] { nbfc.id().value(), issuer.id().value() })
				.query(Long.class)
				.single(), (n) -> n == rows);

		LocalDate start = LocalDate.of(2026, 11, 26);
		for (int i = 0; i < 12; i++) {
			LocalDate from = start.plusDays(random.nextInt(12));
			LocalDate to = from.plusDays(random.nextInt(8));
			CreditorView creditor = random.nextBoolean() ? nbfc : issuer;
			BigDecimal gross = sum(payments, creditor, from, to);
			BigDecimal reversed = sum(reversals, creditor, from, to);
			long count = payments.stream().filter((p) -> p.in(creditor, from, to)).count();
			String group = List.of("day", "week", "month", "agent", "team", "creditor", "bucket")
				.get(random.nextInt(7));
			String why = "seed %d, %s %s..%s by %s".formatted(seed, creditor.code(), from, to, group);
			String json = this.mvc
				.perform(get("/api/v1/reports/collections").param("from", from.toString())
					.param("to", to.toString())
					.param("creditor", creditor.code())
					.param("groupBy", group)
					.with(httpBasic("manager-col", "manager-secret")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<Map<String, Object>> totals = JsonPath.read(json, "$.totals");
			if (count == 0 && reversed.signum() == 0) {
				assertThat(totals).as(why).isEmpty();
				continue;
			}
			assertThat(totals).as(why).hasSize(1);
			assertThat(new BigDecimal(JsonPath.<String>read(json, "$.totals[0].gross.amount"))).as(why)
				.isEqualByComparingTo(gross);
			assertThat(new BigDecimal(JsonPath.<String>read(json, "$.totals[0].reversed.amount"))).as(why)
				.isEqualByComparingTo(reversed);
			assertThat(new BigDecimal(JsonPath.<String>read(json, "$.totals[0].net.amount"))).as(why)
				.isEqualByComparingTo(gross.subtract(reversed));
			assertThat(JsonPath.<Integer>read(json, "$.totals[0].payments")).as(why).isEqualTo((int) count);
			assertThat(JsonPath.<String>read(json, "$.totals[0].currency")).as(why)
				.isEqualTo(creditor.currency().getCurrencyCode());
			// the rows add up to the totals
			List<String> nets = JsonPath.read(json, "$.rows[*].net.amount");
			assertThat(nets.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add)).as(why)
				.isEqualByComparingTo(gross.subtract(reversed));
		}
	}

	@Test
	void theFilesNameTheirFiltersAndAgentsMayNotReadReports() throws Exception {
		this.clock.set(FIRST_DAY);
		this.agents.manager("manager-files", "manager-secret");
		this.agents.pooledAgent("agent-files", "agent-secret");
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 40, "5000.00");
		this.mvc
			.perform(post("/api/v1/accounts/{id}/payments", account.id().value())
				.with(httpBasic("manager-files", "manager-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"amount": "1250.50", "channel": "UPI", "reference": "FILES-1", "receivedOn": "2026-12-01"}"""))
			.andExpect(status().isCreated());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM reporting_payment_credits WHERE creditor_id = :c")
				.param("c", nbfc.id().value())
				.query(Long.class)
				.single(), (n) -> n == 1);

		String csv = this.mvc
			.perform(get("/api/v1/reports/collections").param("from", "2026-12-01")
				.param("to", "2026-12-01")
				.param("creditor", nbfc.code())
				.param("groupBy", "agent")
				.header("Accept", "text/csv")
				.with(httpBasic("manager-files", "manager-secret")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("Creditor," + nbfc.code())
			.contains("From,2026-12-01")
			.contains("Grouped by,agent")
			.contains("INR,1250.50,0.00,1250.50,1,0");

		byte[] xlsx = this.mvc
			.perform(get("/api/v1/reports/collections").param("from", "2026-12-01")
				.param("to", "2026-12-01")
				.param("creditor", nbfc.code())
				.header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
				.with(httpBasic("manager-files", "manager-secret")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> sheet = book.getFirstSheet().read();
			assertThat(sheet.get(0).getCellText(0)).isEqualTo("Collections");
			assertThat(sheet).anySatisfy((r) -> {
				assertThat(r.getCellText(0)).isEqualTo("Creditor");
				assertThat(r.getCellText(1)).isEqualTo(nbfc.code());
			});
			Row last = sheet.get(sheet.size() - 1);
			assertThat(last.getCellText(0)).isEqualTo("2026-12-01");
			assertThat(last.getCell(5).asNumber()).isEqualByComparingTo("1250.50");
		}

		this.mvc
			.perform(get("/api/v1/reports/collections").param("from", "2026-12-01")
				.param("to", "2026-12-01")
				.with(httpBasic("agent-files", "agent-secret")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/reports/collections").param("from", "2026-12-09")
				.param("to", "2026-12-01")
				.with(httpBasic("manager-files", "manager-secret")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		this.mvc
			.perform(get("/api/v1/reports/collections").param("from", "2026-12-01")
				.param("to", "2026-12-01")
				.param("groupBy", "planet")
				.with(httpBasic("manager-files", "manager-secret")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("groupBy"));
	}

	private static BigDecimal sum(List<Posted> all, CreditorView creditor, LocalDate from, LocalDate to) {
		return all.stream()
			.filter((p) -> p.in(creditor, from, to))
			.map(Posted::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** A payment or reversal as the test made it, on the day it counts. */
	record Posted(CreditorView creditor, AccountView account, String id, LocalDate day, BigDecimal amount) {

		boolean in(CreditorView c, LocalDate from, LocalDate to) {
			return this.creditor.id().equals(c.id()) && !this.day.isBefore(from) && !this.day.isAfter(to);
		}

	}

}

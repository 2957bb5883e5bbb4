package org.dues.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dues.reporting.Measures;
import org.dues.reporting.PeriodMeasures;
import org.dues.reporting.Rate;
import org.dues.reporting.ReportFilter;
import org.dues.system.RuntimeMode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A first start on an empty embedded database loads the demo: two creditors, their
 * accounts in every bucket, customers in Malayalam, Devanagari and Latin script, and the
 * demo users of CONTRACTS.md.
 */
@SpringBootTest(properties = { "dues.data-dir=target/test-data/demo-${random.uuid}", "dues.database.durable=true" })
@AutoConfigureMockMvc
@Import(DemoDataTests.ReadinessWitness.class)
class DemoDataTests {

	@Autowired
	ReadinessWitness witness;

	@Autowired
	RuntimeMode mode;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Measures measures;

	@Autowired
	Clock clock;

	@Test
	void loadsTheDemoPortfolioAndUsers() throws Exception {
		assertThat(this.mode.embeddedDatabase()).isTrue();
		assertThat(this.mode.demo()).isTrue();
		assertThat(this.jdbc.sql("SHOW fsync").query(String.class).single()).as("the embedded database is durable")
			.isEqualTo("on");
		assertThat(this.jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
		assertThat(count("SELECT count(*) FROM portfolio_accounts")).isEqualTo(
				DemoData.INDIAN_ACCOUNTS + DemoData.US_ACCOUNTS + DemoData.DIALLED_ACCOUNTS + DemoParties.GOLD_LOANS);

		Map<String, List<String>> buckets = this.jdbc.sql("""
				SELECT c.code, a.bucket FROM portfolio_accounts a JOIN portfolio_creditors c ON c.id = a.creditor_id
				GROUP BY 1, 2""")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		assertThat(buckets.get("MALABAR")).containsExactlyInAnyOrder("CURRENT", "SMA-0", "SMA-1", "SMA-2", "NPA");
		assertThat(buckets.get("LIBERTY")).containsExactlyInAnyOrder("CURRENT", "1-30", "31-60", "61-90", "91-120",
				"121-150", "151-180", "180+");

		assertThat(count("SELECT count(*) FROM customer_customers WHERE name ~ '[\\u0D00-\\u0D7F]'")).isPositive();
		assertThat(count("SELECT count(*) FROM customer_customers WHERE name ~ '[\\u0900-\\u097F]'")).isPositive();
		assertThat(count("SELECT count(DISTINCT state) FROM customer_addresses WHERE country = 'US'")).isGreaterThan(4);
		// varied names: no one name for a crowd of customers (33 were once Sreeja Nair)
		assertThat(count("SELECT max(n) FROM (SELECT count(*) AS n FROM customer_customers GROUP BY name) names"))
			.as("customers sharing the commonest name")
			.isLessThanOrEqualTo(3);
		assertThat(count("SELECT count(DISTINCT name) FROM customer_customers"))
			.isGreaterThan((DemoData.INDIAN_ACCOUNTS + DemoData.US_ACCOUNTS) * 9 / 10);
		assertThat(this.jdbc.sql("SELECT time_zone FROM identity_users WHERE username = 'agent3'")
			.query(String.class)
			.single()).as("the US desk's agent reads times in New York's").isEqualTo("America/New_York");
		assertThat(count("SELECT count(*) FROM payment_payments")).isPositive();
		assertThat(count("""
				SELECT count(*) FROM portfolio_accounts a
				WHERE a.principal + a.interest + a.fees - a.credit <> (SELECT sum(principal + interest + fees - credit)
				    FROM portfolio_ledger_entries e WHERE e.account_id = a.id)""")).isZero();
		assertThat(count("""
				SELECT count(*) FROM customer_phones p WHERE NOT EXISTS (SELECT 1 FROM customer_customers c
				    WHERE c.id = p.customer_id)""")).isZero();

		assertThat(this.jdbc.sql("SELECT type FROM compliance_holds ORDER BY type").query(String.class).list())
			.containsExactly("ATTORNEY", "CEASE", "COMPLAINT", "DISPUTE");
		assertThat(count("SELECT count(*) FROM compliance_blackouts")).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT role FROM customer_debt_parties ORDER BY role").query(String.class).list())
			.containsExactly("CO_BORROWER", "GUARANTOR", "REFERENCE");
		assertThat(
				count("""
						SELECT count(*) FROM customer_customers k JOIN customer_customers m ON m.national_id_enc = k.national_id_enc
						WHERE k.customer_ref LIKE 'KG%' AND m.customer_ref LIKE 'MC%'"""))
			.isEqualTo(DemoParties.GOLD_LOANS);
		// the demo's own restrictions; the gate's decisions on the US accounts'
		// validation
		// notices, which leave through the outbox while the demo loads, are audited too
		assertThat(count("SELECT count(*) FROM compliance_audit WHERE action <> 'DECISION'")).isEqualTo(7);
		assertThat(this.jdbc.sql("SELECT agent FROM work_assignments GROUP BY agent ORDER BY agent")
			.query(String.class)
			.list()).as("the US accounts are agent3's but those the campaign dials; the Indian ones are pooled")
			.containsExactly("agent3");
		assertThat(count("SELECT count(*) FROM work_assignments")).isEqualTo(DemoData.US_ACCOUNTS);
		assertThat(this.jdbc.sql("SELECT name FROM work_queues ORDER BY name").query(String.class).list())
			.containsExactly(DemoDialer.QUEUE, "Malabar overdue");
		assertThat(this.jdbc.sql("""
				SELECT c.name || ' ' || c.mode || ' ' || c.running || ' ' || m.username FROM telephony_campaigns c
				JOIN telephony_campaign_members m ON m.campaign_id = c.id""").query(String.class).list())
			.as("a running predictive campaign with agent3")
			.containsExactly(DemoDialer.CAMPAIGN + " PREDICTIVE true agent3");
		assertThat(count("SELECT count(*) FROM customer_phones WHERE consent_autodial"))
			.isEqualTo(DemoData.DIALLED_ACCOUNTS);
		assertThat(count("""
				SELECT count(*) FROM identity_users WHERE username IN ('agent1', 'agent2')
				    AND certificate_expires_on > CURRENT_DATE""")).isEqualTo(2);

		assertThat(scheduled("portfolio-aging")).as("the aging job is scheduled in the cluster-wide task table")
			.isTrue();

		// field1 covers Kollam's PIN codes, holds a receipt book and has a day's visits
		assertThat(count("SELECT count(*) FROM casework_visits WHERE agent = 'field1' AND status = 'OPEN'"
				+ " AND due_on = CAST(now() AT TIME ZONE 'Asia/Kolkata' AS date) AND postal_code LIKE '6910%'"))
			.isEqualTo(6);
		assertThat(count("SELECT count(*) FROM payment_receipt_books WHERE agent = 'field1'")).isEqualTo(1);
		this.mvc.perform(get("/api/v1/visits").with(httpBasic("field1", "demo")))
			.andExpect(status().isOk())
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.length()").value(6));

		assertThat(count("""
				SELECT count(*) FROM casework_placement_accounts pa JOIN casework_placements p ON p.id = pa.placement_id
				JOIN casework_agencies g ON g.id = p.agency_id
				WHERE g.code = 'MALABAR-REC' AND pa.recalled_at IS NULL""")).as("the demo agency's placed accounts")
			.isEqualTo(DemoAgencies.PLACED);
		for (String user : List.of("agent1", "agent2", "agent3", "lead1", "manager1", "compliance1", "admin", "agency1",
				"agencylead1")) {
			this.mvc.perform(get("/api/v1/creditors").with(httpBasic(user, "demo"))).andExpect(status().isOk());
		}
	}

	/**
	 * The demo's last days are worked through the desk, the payments and the daily jobs
	 * with the clock held at each moment, so the manager's dashboard has contact rates,
	 * promises kept and broken and days to pay of recorded work, each figure what the
	 * facts say.
	 */
	@Test
	void theDashboardShowsTheDemosRecordedWork() throws Exception {
		assertThat(this.clock.instant()).as("the clock let go once the demo was written")
			.isCloseTo(Instant.now(), within(Duration.ofMinutes(10)));
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("Asia/Kolkata")));
		LocalDate placed = LocalDate.ofInstant(DemoActivity.placedAt(this.clock.instant()), ZoneOffset.UTC);
		assertThat(this.jdbc
			.sql("SELECT DISTINCT CAST(placed_at AT TIME ZONE 'UTC' AS date) FROM portfolio_accounts"
					+ " WHERE account_ref LIKE 'MFL%'")
			.query(LocalDate.class)
			.list()).as("the NBFC's accounts were placed the demo's days ago").containsExactly(placed);

		PeriodMeasures worked = this.measures.measures(ReportFilter.period(placed, today));
		assertThat(worked.attempts()).as("calls the gate let through").isGreaterThan(100);
		assertThat(worked.rightPartyContacts()).isPositive().isLessThan(worked.attempts());
		assertThat(worked.rightPartyContactRate().value())
			.isEqualByComparingTo(BigDecimal.valueOf(worked.rightPartyContacts())
				.divide(BigDecimal.valueOf(worked.attempts()), Rate.SCALE, java.math.RoundingMode.HALF_EVEN));
		assertThat(worked.promisesTaken()).isPositive().isLessThanOrEqualTo(worked.rightPartyContacts());
		assertThat(worked.promisesKept()).as("promises kept by a payment").isPositive();
		assertThat(worked.promisesBroken()).as("promises broken after their grace days").isPositive();
		assertKeptAsTheFactsSay(worked, placed, today);
		assertThat(worked.averageDaysToPay()).as("days from placement to payment")
			.isBetween(BigDecimal.ZERO, BigDecimal.valueOf(DemoActivity.DAYS));
		assertThat(count("SELECT count(*) FROM work_dispositions WHERE result = 'RIGHT_PARTY'"
				+ " AND agent IN ('agent1', 'agent2', 'agent3')"))
			.isEqualTo((int) worked.rightPartyContacts());

		// this month on the dashboard, beside the month before: the same facts
		YearMonth month = YearMonth.from(today);
		PeriodMeasures.Comparison dashboard = this.measures
			.compare(ReportFilter.period(month.atDay(1), month.atEndOfMonth()));
		for (PeriodMeasures m : List.of(dashboard.current(), dashboard.previous())) {
			assertKeptAsTheFactsSay(m, m.filter().from(), m.filter().to());
			assertThat(m.averageDaysToPay() == null || m.averageDaysToPay().signum() >= 0)
				.as("days to pay are never negative")
				.isTrue();
		}
		assertThat(dashboard.current().attempts() + dashboard.previous().attempts()).isEqualTo(worked.attempts());
		// manager1 reads the same through the API
		String promises = this.mvc
			.perform(get("/api/v1/reports/promises").param("from", placed.toString())
				.param("to", today.toString())
				.with(httpBasic("manager1", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Integer> kept = com.jayway.jsonpath.JsonPath.read(promises, "$.totals[*].kept");
		List<Integer> broken = com.jayway.jsonpath.JsonPath.read(promises, "$.totals[*].broken");
		assertThat(kept.stream().mapToLong(Integer::longValue).sum()).isEqualTo(worked.promisesKept());
		assertThat(broken.stream().mapToLong(Integer::longValue).sum()).isEqualTo(worked.promisesBroken());
	}

	/** The kept rate is kept ÷ (kept + broken) of the promises due in the period. */
	private void assertKeptAsTheFactsSay(PeriodMeasures m, LocalDate from, LocalDate to) {
		List<Long> facts = this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE a.status = 'KEPT'), count(*) FILTER (WHERE a.status = 'BROKEN')
				FROM arrangement_arrangements a JOIN arrangement_instalments i ON i.arrangement_id = a.id
				WHERE a.kind = 'PROMISE' AND i.due_on BETWEEN :from AND :to""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.single();
		assertThat(m.promisesKept()).isEqualTo(facts.get(0));
		assertThat(m.promisesBroken()).isEqualTo(facts.get(1));
		assertThat(m.promiseKeptRate()).isEqualTo(Rate.of(facts.get(0), facts.get(0) + facts.get(1)));
		if (facts.get(0) + facts.get(1) > 0) {
			assertThat(m.promiseKeptRate().percent()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
		}
	}

	@Test
	void readinessTurnsUpOnlyOnceTheDemoUsersExist() throws Exception {
		assertThat(this.witness.readinessBeforeTheDemo).as("readiness while the demo loads")
			.isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		assertThat(this.witness.loginBeforeTheDemo).as("a login before the demo users exist").isEqualTo(503);
		assertThat(this.witness.pageBeforeTheDemo).contains("Dues is starting; the demo users are being created.");
		assertThat(this.witness.demoUsersWhenReady).as("demo users when readiness turned to ACCEPTING_TRAFFIC")
			.isEqualTo(7);
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/login")).andExpect(status().isOk());
	}

	/**
	 * Looks on from a runner ordered before the demo loader, and at the moment readiness
	 * turns to accepting traffic.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class ReadinessWitness {

		volatile ReadinessState readinessBeforeTheDemo;

		volatile int loginBeforeTheDemo;

		volatile String pageBeforeTheDemo;

		volatile int demoUsersWhenReady = -1;

		@Bean
		@Order(5)
		ApplicationRunner beforeTheDemo(ApplicationAvailability availability, ObjectProvider<MockMvc> mvc) {
			return (arguments) -> {
				this.readinessBeforeTheDemo = availability.getReadinessState();
				MvcResult login = mvc.getObject()
					.perform(post("/login").param("username", "agent1").param("password", "demo"))
					.andReturn();
				this.loginBeforeTheDemo = login.getResponse().getStatus();
				this.pageBeforeTheDemo = login.getResponse().getContentAsString();
			};
		}

		@Bean
		ApplicationListener<AvailabilityChangeEvent<ReadinessState>> whenReady(JdbcClient jdbc) {
			return (event) -> {
				if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
					this.demoUsersWhenReady = jdbc
						.sql("SELECT count(*) FROM identity_users WHERE username IN"
								+ " ('agent1', 'agent2', 'agent3', 'lead1', 'manager1', 'compliance1', 'admin')")
						.query(Integer.class)
						.single();
				}
			};
		}

	}

	private boolean scheduled(String task) throws InterruptedException {
		for (int attempt = 0; attempt < 100; attempt++) {
			if (count("SELECT count(*) FROM scheduled_tasks WHERE task_name = '" + task + "'") == 1) {
				return true;
			}
			Thread.sleep(100);
		}
		return false;
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

}

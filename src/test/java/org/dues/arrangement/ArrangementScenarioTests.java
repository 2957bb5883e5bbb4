package org.dues.arrangement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.Role;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Arrangements through the API with the clock moved day by day: promises kept, partly
 * kept and broken; a plan with a missed instalment; a settlement beyond authority that
 * waits, is approved and completes; with the ledger invariant checked after each.
 */
@IntegrationTest
@RecordApplicationEvents
class ArrangementScenarioTests {

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	Evaluation evaluation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.context.event.ApplicationEventMulticaster multicaster;

	/**
	 * Events published on any thread, the listeners' after commit included (
	 * {@link ApplicationEvents} records those of the test's own thread and its children
	 * only, and the listeners run on a pool's threads), and the scheduled evaluation's:
	 * once the test moves the clock past a due day, the scheduler may evaluate the
	 * arrangement before the test's own pass does.
	 */
	final java.util.Queue<Object> published = new java.util.concurrent.ConcurrentLinkedQueue<>();

	final org.springframework.context.ApplicationListener<org.springframework.context.PayloadApplicationEvent<?>> recorder = (
			e) -> this.published.add(e.getPayload());

	@org.junit.jupiter.api.BeforeEach
	void recordEveryThread() {
		this.multicaster.addApplicationListener(this.recorder);
	}

	@org.junit.jupiter.api.AfterEach
	void stopRecording() {
		this.multicaster.removeApplicationListener(this.recorder);
	}

	private <T> java.util.stream.Stream<T> published(Class<T> type) {
		return this.published.stream().filter(type::isInstance).map(type::cast);
	}

	AccountView account;

	int payments;

	@BeforeEach
	void anIndianAccountOwing11700() {
		this.agents.user("arr-agent", "agent-secret", Role.AGENT);
		this.agents.user("arr-agent2", "agent-secret", Role.AGENT);
		this.agents.mayWorkEveryPooledAccount("arr-agent", "arr-agent2");
		this.agents.user("arr-lead", "lead-secret", Role.TEAM_LEAD);
		this.agents.lead("arr-lead", "arr-agent", "arr-agent2");
		this.agents.manager("arr-manager", "manager-secret");
		this.clock.set(IntegrationTest.START);
		this.account = this.portfolios.placed(this.portfolios.indianNbfc(), "10000", "1200", "500", "3000",
				LocalDate.of(2026, 10, 1));
	}

	@AfterEach
	void ledgerInvariantHoldsAndClockResets() {
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM portfolio_accounts a
				WHERE a.principal + a.interest + a.fees - a.credit <> (SELECT sum(principal + interest + fees - credit)
				    FROM portfolio_ledger_entries e WHERE e.account_id = a.id)""").query(Integer.class).single())
			.isZero();
		this.clock.set(IntegrationTest.START);
	}

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	org.dues.work.FollowUps followUps;

	/** The hourly job's pass: each arrangement in its own transaction. */
	void evaluateDaily() {
		this.evaluation.evaluateAll((work) -> this.transactions.executeWithoutResult((tx) -> work.run()));
	}

	/** Moves the clock to 10:00 in India on a day. */
	void today(String date) {
		this.clock.set(LocalDate.parse(date).atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Kolkata")).toInstant());
	}

	ResultActions ask(String user, String password, String path, String json) throws Exception {
		return this.mvc.perform(post(path, this.account.id().value()).with(httpBasic(user, password))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	String create(String path, String json) throws Exception {
		return JsonPath.read(ask("arr-agent", "agent-secret", path, json).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	void pay(String amount) throws Exception {
		ask("arr-agent", "agent-secret", "/api/v1/accounts/{id}/payments", """
				{"amount": "%s", "channel": "UPI", "reference": "UPI-%s-%d"}""".formatted(amount,
				this.account.accountRef(), ++this.payments))
			.andExpect(status().isCreated());
	}

	ResultActions arrangement(String id) throws Exception {
		return this.mvc.perform(get("/api/v1/arrangements/{id}", id).with(httpBasic("arr-agent", "agent-secret")));
	}

	String statusOf(String id) throws Exception {
		return JsonPath.read(arrangement(id).andReturn().getResponse().getContentAsString(), "$.status");
	}

	void awaitStatus(String id, String expected) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(id)).isEqualTo(expected));
	}

	@Test
	void aPromiseKeptByTwoPaymentsAsTheyPost() throws Exception {
		String promise = create("/api/v1/accounts/{id}/promises", """
				{"amount": "5000.00", "dueOn": "2026-11-30", "channel": "CALL"}""");
		arrangement(promise).andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.dueOn").value("2026-11-30"))
			.andExpect(jsonPath("$.amount.amount").value("5000.00"));
		today("2026-11-27");
		pay("3000.00");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> arrangement(promise).andExpect(jsonPath("$.paid.amount").value("3000.00")));
		assertThat(statusOf(promise)).isEqualTo("ACTIVE");
		today("2026-11-29");
		pay("2000.00");
		awaitStatus(promise, "KEPT");
		assertThat(published(Events.PromiseKept.class).filter((e) -> e.account().equals(this.account.id()))).hasSize(1);
		arrangement(promise).andExpect(jsonPath("$.history[*]")
			.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("KEPT: paid 5000.00"))));
		// the page says the amount as money, not "paid 5000.00"
		org.jsoup.nodes.Element kept = panel().selectFirst("[data-kind=PROMISE]");
		assertThat(kept.text()).contains("₹5,000.00 paid").doesNotContain("5000.00");
	}

	/** The account's arrangements panel, as a manager reads it. */
	org.jsoup.nodes.Document panel() throws Exception {
		return org.jsoup.Jsoup.parse(
				this.mvc
					.perform(get("/accounts/{id}/arrangements", this.account.id().value())
						.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
							.user("arr-manager")
							.roles("MANAGER")))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

	@Test
	void aPromisePartlyPaidIsBrokenOnlyAfterItsGraceDays() throws Exception {
		String promise = create("/api/v1/accounts/{id}/promises", """
				{"amount": "5000.00", "dueOn": "2026-11-30"}""");
		pay("2000.00");
		today("2026-12-02");
		evaluateDaily();
		assertThat(statusOf(promise)).as("30 Nov plus two grace days").isEqualTo("ACTIVE");
		today("2026-12-03");
		evaluateDaily();
		arrangement(promise).andExpect(jsonPath("$.status").value("BROKEN"))
			.andExpect(jsonPath("$.partiallyKept").value(true))
			.andExpect(jsonPath("$.paid.amount").value("2000.00"))
			.andExpect(jsonPath("$.closeReason").value("partly kept: 2000.00 of 5000.00 paid"));
		assertThat(published(Events.PromiseBroken.class).filter((e) -> e.account().equals(this.account.id())))
			.singleElement()
			.satisfies((e) -> assertThat(e.paid().amount()).isEqualByComparingTo("2000.00"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.followUps.open(this.account.id())).singleElement().satisfies((f) -> {
				assertThat(f.dueAt()).isEqualTo(java.time.Instant.parse("2026-12-04T03:30:00Z"));
				assertThat(f.reason()).isEqualTo("Promise of 5000.00 due 2026-11-30 partly kept (2000.00 paid)");
			}));
		evaluateDaily();
		assertThat(this.followUps.open(this.account.id())).hasSize(1);
	}

	@Test
	void anUnpaidPromiseBreaks() throws Exception {
		String promise = create("/api/v1/accounts/{id}/promises", """
				{"amount": "1500.00", "dueOn": "2026-11-28"}""");
		today("2026-12-01");
		evaluateDaily();
		arrangement(promise).andExpect(jsonPath("$.status").value("BROKEN"))
			.andExpect(jsonPath("$.partiallyKept").value(false));
	}

	@Test
	void aSixInstalmentPlanWithOneMissedBreaks() throws Exception {
		String plan = create("/api/v1/accounts/{id}/plans", """
				{"instalments": 6, "frequency": "MONTHLY", "firstDueOn": "2026-12-05"}""");
		arrangement(plan).andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.amount.amount").value("11700.00"))
			.andExpect(jsonPath("$.instalments.length()").value(6))
			.andExpect(jsonPath("$.instalments[5].dueOn").value("2027-05-05"))
			.andExpect(jsonPath("$.instalments[0].amount.amount").value("1950.00"));
		today("2026-12-04");
		pay("1950.00");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> arrangement(plan).andExpect(jsonPath("$.instalments[0].status").value("PAID")));
		today("2027-01-07");
		evaluateDaily();
		assertThat(statusOf(plan)).isEqualTo("ACTIVE");
		today("2027-01-08");
		evaluateDaily();
		arrangement(plan).andExpect(jsonPath("$.status").value("BROKEN"))
			.andExpect(jsonPath("$.instalments[1].status").value("MISSED"))
			.andExpect(jsonPath("$.instalments[2].status").value("PENDING"))
			.andExpect(jsonPath("$.closeReason").value("1 instalment missed"));
		assertThat(published(Events.InstalmentMissed.class).filter((e) -> e.account().equals(this.account.id())))
			.singleElement()
			.satisfies((e) -> assertThat(e.seq()).isEqualTo(2));
		assertThat(published(Events.PlanBroken.class).filter((e) -> e.account().equals(this.account.id()))).hasSize(1);
	}

	@Test
	void aSixtyPercentSettlementWaitsIsApprovedCompletesAndWritesOffTheRest() throws Exception {
		String settlement = create("/api/v1/accounts/{id}/settlements", """
				{"amount": "7020.00", "offerExpiresOn": "2026-12-15"}""");
		arrangement(settlement).andExpect(jsonPath("$.status").value("PENDING_APPROVAL"))
			.andExpect(jsonPath("$.discount.amount").value("4680.00"))
			.andExpect(jsonPath("$.approval.beyond").value("a discount of 40.00% (authority 10%)"));
		String inbox = this.mvc.perform(get("/api/v1/approvals").with(httpBasic("arr-lead", "lead-secret")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> waiting = JsonPath.read(inbox, "$[?(@.arrangementId == '%s')].id".formatted(settlement));
		assertThat(waiting).hasSize(1);
		String approval = waiting.get(0);
		this.mvc
			.perform(post("/api/v1/approvals/{id}/approve", approval).with(httpBasic("arr-agent", "agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"ok\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/approvals/{id}/approve", approval).with(httpBasic("arr-lead", "lead-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"hardship\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("authority 30%")));
		this.mvc
			.perform(post("/api/v1/approvals/{id}/approve", approval).with(httpBasic("arr-manager", "manager-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Job loss documented; 60% is the best recovery\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.approval.decidedBy").value("arr-manager"));
		assertThat(this.events.stream(Events.ArrangementApproved.class)
			.filter((e) -> e.account().equals(this.account.id()))).hasSize(1);
		today("2026-12-10");
		pay("7020.00");
		awaitStatus(settlement, "COMPLETED");
		AccountView settled = this.accounts.get(this.account.id());
		assertThat(settled.status().name()).isEqualTo("SETTLED");
		assertThat(settled.balances().owed().isZero()).isTrue();
		assertThat(this.accounts.ledger(this.account.id())).last()
			.satisfies((e) -> assertThat(e.type().name()).isEqualTo("SETTLEMENT_DISCOUNT"))
			.satisfies((e) -> assertThat(e.amounts().total().amount()).isEqualByComparingTo("-4680.00"));
		assertThat(published(Events.SettlementCompleted.class).filter((e) -> e.account().equals(this.account.id())))
			.singleElement()
			.satisfies((e) -> assertThat(e.writtenOff().amount()).isEqualByComparingTo("4680.00"));
	}

	@Test
	void aWaiverBeyondAnAgentIsAppliedWhenALeadApprovesAndADefermentWithinAuthorityAtOnce() throws Exception {
		String waiver = create("/api/v1/accounts/{id}/waivers", """
				{"component": "FEES", "amount": "500.00", "reason": "Late fees charged during the hospital stay"}""");
		arrangement(waiver).andExpect(jsonPath("$.status").value("PENDING_APPROVAL"));
		String approval = JsonPath.read(arrangement(waiver).andReturn().getResponse().getContentAsString(),
				"$.approval.id");
		this.mvc
			.perform(post("/api/v1/approvals/{id}/approve", approval).with(httpBasic("arr-lead", "lead-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"documented\"}"))
			.andExpect(jsonPath("$.status").value("COMPLETED"));
		assertThat(this.accounts.get(this.account.id()).balances().fees().isZero()).isTrue();
		int before = this.accounts.get(this.account.id()).daysPastDue();
		String deferment = create("/api/v1/accounts/{id}/deferments", """
				{"days": 30, "reason": "Payment holiday after the flood"}""");
		arrangement(deferment).andExpect(jsonPath("$.status").value("COMPLETED"));
		// a second holiday within the year counts with the first: 60 days is beyond an
		// agent
		String again = create("/api/v1/accounts/{id}/deferments", """
				{"days": 30, "reason": "Still out of work"}""");
		arrangement(again).andExpect(jsonPath("$.status").value("PENDING_APPROVAL"))
			.andExpect(jsonPath("$.approval.beyond").value("a deferment of 60 days (authority 30)"));
		AccountView after = this.accounts.get(this.account.id());
		assertThat(after.oldestDueDate()).isEqualTo(LocalDate.of(2026, 10, 31));
		assertThat(after.daysPastDue()).isEqualTo(before - 30);
	}

	@Test
	void aRejectedRequestTellsTheAgentWhyAndNobodyApprovesTheirOwn() throws Exception {
		this.agents.user("arr-lead-asks", "lead-secret", Role.TEAM_LEAD);
		this.agents.lead("arr-lead-asks");
		String plan = JsonPath.read(ask("arr-lead-asks", "lead-secret", "/api/v1/accounts/{id}/plans", """
				{"instalments": 40, "frequency": "MONTHLY", "firstDueOn": "2026-12-01"}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING_APPROVAL"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String approval = JsonPath.read(arrangement(plan).andReturn().getResponse().getContentAsString(),
				"$.approval.id");
		this.mvc
			.perform(post("/api/v1/approvals/{id}/approve", approval).with(httpBasic("arr-lead-asks", "lead-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"mine\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("someone else")));
		this.mvc
			.perform(post("/api/v1/approvals/{id}/reject", approval).with(httpBasic("arr-manager", "manager-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Forty months is too long; offer 24\"}"))
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.closeReason").value("Forty months is too long; offer 24"))
			.andExpect(jsonPath("$.instalments[*].status")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("CANCELLED"))));
		// a rejected plan's instalments are not due: not "Pending"
		org.jsoup.nodes.Element rejected = panel().selectFirst("[data-status=REJECTED]");
		assertThat(rejected.select("tbody td:last-child").eachText()).hasSize(40)
			.allMatch("Not due (cancelled)"::equals);
		assertThat(rejected.text()).doesNotContain("Pending").contains("rejected");
		create("/api/v1/accounts/{id}/promises", """
				{"amount": "1000.00", "dueOn": "2026-12-01"}""");
	}

	@Test
	void badRequestsAreRefusedFieldByFieldAndChangeNothing() throws Exception {
		ask("arr-agent", "agent-secret", "/api/v1/accounts/{id}/promises", """
				{"amount": "500.00", "dueOn": "2026-11-25"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dueOn"))
			.andExpect(jsonPath("$.errors[0].message").value("2026-11-25 is in the past (today is 2026-11-26)"));
		ask("arr-agent", "agent-secret", "/api/v1/accounts/{id}/promises", """
				{"amount": "0", "dueOn": "2026-12-01"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("must be greater than zero"));
		ask("arr-agent", "agent-secret", "/api/v1/accounts/{id}/promises", """
				{"amount": "-5", "dueOn": "2026-12-01"}""").andExpect(status().isBadRequest());
		ask("arr-agent", "agent-secret", "/api/v1/accounts/{id}/promises", """
				{"amount": "99999.00", "dueOn": "2026-12-01"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("99999.00 is more than the balance of 11700.00"));
		ask("arr-agent", "agent-secret", "/api/v1/accounts/{id}/plans",
				"""
						{"schedule": [{"dueOn": "2026-12-01", "amount": "5000.00"}, {"dueOn": "2027-01-01", "amount": "5000.00"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("adds up to 10000.00, not the 11700.00 agreed"));
		ask("arr-agent", "agent-secret", "/api/v1/accounts/{id}/settlements", """
				{"amount": "12000.00"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value("a settlement must be below the balance of 11700.00; 12000.00 is not"));
		ask("arr-agent", "agent-secret", "/api/v1/accounts/{id}/plans", """
				{"frequency": "YEARLY", "firstDueOn": "soon"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("frequency", "firstDueOn")));
		ask("arr-agent", "agent-secret", "/api/v1/accounts/{id}/settlements", """
				{"amount": "9000.00", "firstDueOn": "2026-12-20", "offerExpiresOn": "2026-12-10"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("2026-12-20 is after the offer expires on 2026-12-10"));
		ask("arr-agent", "agent-secret", "/api/v1/accounts/{id}/waivers", """
				{"component": "FEES", "amount": "600.00", "reason": "x"}""").andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/api/v1/accounts/{id}/arrangements", this.account.id().value())
				.with(httpBasic("arr-agent", "agent-secret")))
			.andExpect(jsonPath("$.promises.length()").value(0))
			.andExpect(jsonPath("$.plans.length()").value(0))
			.andExpect(jsonPath("$.settlements.length()").value(0))
			.andExpect(jsonPath("$.waivers.length()").value(0));
		create("/api/v1/accounts/{id}/promises", """
				{"amount": "500.00", "dueOn": "2026-12-01"}""");
		ask("arr-agent2", "agent-secret", "/api/v1/accounts/{id}/plans", """
				{"instalments": 3, "firstDueOn": "2026-12-01"}""").andExpect(status().isConflict());
	}

	@Test
	void aManagerSetsAgentsAuthorityButNotTheirOwn() throws Exception {
		String creditor = this.account.creditorCode();
		// money as the API writes money everywhere: a decimal string with its currency
		this.mvc
			.perform(get("/api/v1/creditors/{code}/authority/AGENT", creditor)
				.with(httpBasic("arr-manager", "manager-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.smallestInstalment.amount").value("0.00"))
			.andExpect(jsonPath("$.smallestInstalment.currency").value("INR"))
			.andExpect(jsonPath("$.smallestInstalment.zero").doesNotExist())
			.andExpect(jsonPath("$.maxWaiver.amount").value("0.00"))
			.andExpect(jsonPath("$.maxDiscountPct").value(10));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.put("/api/v1/creditors/{code}/authority/AGENT", creditor)
				.with(httpBasic("arr-manager", "manager-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"maxDiscountPct": 40, "longestPlanMonths": 12, "maxDefermentDays": 30}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.maxDiscountPct").value(40));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.put("/api/v1/creditors/{code}/authority/MANAGER", creditor)
				.with(httpBasic("arr-manager", "manager-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"maxDiscountPct": 100, "longestPlanMonths": 120}"""))
			.andExpect(status().isForbidden());
		String settlement = create("/api/v1/accounts/{id}/settlements", """
				{"amount": "7020.00"}""");
		arrangement(settlement).andExpect(jsonPath("$.status").value("ACTIVE"));
	}

}

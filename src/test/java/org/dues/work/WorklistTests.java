package org.dues.work;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.arrangement.Approvals;
import org.dues.arrangement.ArrangementStatus;
import org.dues.arrangement.ArrangementView;
import org.dues.arrangement.Asker;
import org.dues.arrangement.Evaluation;
import org.dues.identity.Role;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The agent's worklist and the empty desk: each agent sees their own callbacks, payments
 * due, broken promises and answered approvals, each opening its account, and nobody
 * else's; when there is nothing to call, the desk says why and when calling opens.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class WorklistTests {

	/** Monday 30 November 2026, 11:00 in India. */
	static final Instant MONDAY_IST = Instant.parse("2026-11-30T05:30:00Z");

	/** Thursday 10 December 2026, 11:00 in India. */
	static final Instant TEN_DAYS_ON = Instant.parse("2026-12-10T05:30:00Z");

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	TestAgents agents;

	@Autowired
	NextAccount next;

	@Autowired
	Desk desk;

	@Autowired
	Approvals approvals;

	@Autowired
	Evaluation evaluation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachAgentSeesTheirOwnDayEachItemOpeningItsAccountAndAnAnswerUntilOpened() throws Exception {
		this.clock.set(MONDAY_IST);
		agent("wl-agent");
		agent("wl-other");
		CreditorView nbfc = this.portfolios.indianNbfc();
		// pooled accounts in no queue of theirs: only what they did on them lets them in
		AccountView promised = this.portfolios.overdue(nbfc, 40, "50000.00");
		AccountView broken = this.portfolios.overdue(nbfc, 41, "50000.00");
		AccountView settled = this.portfolios.overdue(nbfc, 80, "50000.00");
		AccountView callback = this.portfolios.overdue(nbfc, 42, "50000.00");
		AccountView othersPromise = this.portfolios.overdue(nbfc, 43, "50000.00");
		AccountView tomorrows = this.portfolios.overdue(nbfc, 44, "50000.00");
		this.next.assign(othersPromise.id(), "wl-other", "lead");

		promise(promised, "wl-agent", "5000", LocalDate.of(2026, 12, 10));
		promise(tomorrows, "wl-agent", "6000", LocalDate.of(2026, 12, 11));
		ArrangementView toBreak = promise(broken, "wl-agent", "2000", LocalDate.of(2026, 12, 1));
		promise(othersPromise, "wl-other", "7000", LocalDate.of(2026, 12, 10));
		ArrangementView settlement = this.desk
			.dispose(settled.id(),
					new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.SETTLEMENT_AGREED, null,
							this.portfolios.firstPhone(settled), new BigDecimal("30000"), null, null, null, null,
							"Lost her job"),
					Dispositions.agent("wl-agent"))
			.arrangement();
		assertThat(settlement.status()).isEqualTo(ArrangementStatus.PENDING_APPROVAL);
		this.desk.dispose(callback.id(), Dispositions.callbackAsked(this.portfolios.firstPhone(callback),
				LocalDateTime.of(2026, 12, 10, 18, 30), "After work"), Dispositions.agent("wl-agent"));

		// five days before, the manager rejects the settlement; on the day the promise is
		// due the other has broken
		this.clock.set(TEN_DAYS_ON.minus(Duration.ofDays(5)));
		this.approvals.reject(settlement.approval().id(), "Too deep a discount for a new account",
				new Asker("wl-manager", Set.of(Role.MANAGER)));
		this.clock.set(TEN_DAYS_ON);
		assertThat(this.evaluation.evaluate(toBreak.id()).status()).isEqualTo(ArrangementStatus.BROKEN);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM work_followups WHERE cause = 'PROMISE_BROKEN' AND cause_ref = :ref")
				.param("ref", toBreak.id().value().toString())
				.query(Integer.class)
				.single() == 1);

		Document mine = worklist("wl-agent");
		assertThat(mine.select("[data-section=callbacks] [data-item]")).singleElement()
			.satisfies((li) -> assertThat(li.attr("data-account")).isEqualTo(callback.id().value().toString()))
			.satisfies((li) -> assertThat(li.text()).contains("Call back at", "IST"));
		assertThat(mine.select("[data-section=due] [data-item]")).as("due today, not tomorrow's")
			.singleElement()
			.satisfies((li) -> assertThat(li.attr("data-account")).isEqualTo(promised.id().value().toString()))
			.satisfies((li) -> assertThat(li.text()).contains("Promise to pay", "₹5,000.00", promised.accountRef()));
		assertThat(mine.select("[data-section=chase] [data-item=BROKEN]")).singleElement()
			.satisfies((li) -> assertThat(li.attr("data-account")).isEqualTo(broken.id().value().toString()))
			.satisfies((li) -> assertThat(li.text()).contains("broken"));
		assertThat(mine.select("[data-section=answered] [data-item]")).singleElement()
			.satisfies((li) -> assertThat(li.attr("data-item")).isEqualTo("REJECTED"))
			.satisfies((li) -> assertThat(li.text()).contains("rejected", "Settlement", "wl-manager"));
		assertThat(mine.select("[data-count=all]").text()).isEqualTo("4");
		assertThat(mine.select("[data-count=due]").text()).isEqualTo("1");
		assertThat(mine.text()).doesNotContain(othersPromise.accountRef(), tomorrows.accountRef());
		// in its parts: callbacks, payments due, promises to chase, answers
		assertThat(mine.select("[data-item]").eachAttr("data-item")).containsExactly("CALLBACK", "DUE", "BROKEN",
				"REJECTED");

		// every item opens its account for the agent, though none is theirs by queue
		for (AccountView account : List.of(callback, promised, broken, settled)) {
			this.mvc.perform(get("/accounts/{id}", account.id().value()).with(as("wl-agent")))
				.andExpect(status().isOk());
		}
		// another agent sees only their own, and cannot open the first one's
		Document theirs = worklist("wl-other");
		assertThat(theirs.select("[data-item]")).singleElement()
			.satisfies((li) -> assertThat(li.attr("data-account")).isEqualTo(othersPromise.id().value().toString()));
		UUID answer = settlement.approval().id();
		this.mvc.perform(post("/desk/worklist/answers/{id}", answer).with(as("wl-other")).with(csrf()))
			.andExpect(status().isNotFound());

		// opening the answer takes it to the account, and off the worklist
		this.mvc.perform(post("/desk/worklist/answers/{id}", answer).with(as("wl-agent")).with(csrf()))
			.andExpect(redirectedUrl("/accounts/" + settled.id().value()));
		Document after = worklist("wl-agent");
		assertThat(after.select("[data-section=answered]")).isEmpty();
		assertThat(after.select("[data-count=all]").text()).isEqualTo("3");

		// a call on the broken promise follows it up: it leaves the worklist
		this.desk.dispose(broken.id(), Dispositions.noAnswer(this.portfolios.firstPhone(broken)),
				Dispositions.agent("wl-agent"));
		assertThat(worklist("wl-agent").select("[data-section=chase]")).isEmpty();
		// the rejected settlement's account is theirs for a week after the answer
		this.clock.set(TEN_DAYS_ON.plus(Duration.ofDays(3)));
		this.mvc.perform(get("/accounts/{id}", settled.id().value()).with(as("wl-agent")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theEmptyDeskSaysWhenContactHoursOpenAndThenHowTheAccountsWait() throws Exception {
		// Monday 30 November 2026, 06:00 in India: calls to India open at 08:00
		this.clock.set(Instant.parse("2026-11-30T00:30:00Z"));
		agent("idle-agent");
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView first = this.portfolios.overdue(nbfc, 60, "20000.00");
		AccountView second = this.portfolios.overdue(nbfc, 50, "20000.00");
		this.next.assignAll(List.of(first.id(), second.id()), "idle-agent", "lead");

		Document early = nothingToCall("idle-agent");
		assertThat(early.select("[data-idle] [data-opens]").text())
			.isEqualTo("Contact hours for your accounts open at 08:00 IST (in 2 h 0 min).");
		assertThat(early.select("[data-idle] [data-reasons]").text()).contains("Of the 2 accounts looked at",
				"outside contact hours: 2");
		assertThat(early.select("[data-idle] [data-meanwhile]").text()).contains("worklist");
		assertThat(early.select("#worklist[hx-get]").attr("hx-get")).isEqualTo("/desk/worklist");
		assertThat(early.text()).doesNotContain("every account is taken");

		// in Hindi, the same answer
		Document hindi = nothingToCall("idle-agent", "hi");
		assertThat(hindi.select("[data-idle] [data-opens]").text()).contains("08:00", "2 घंटे 0 मिनट");

		// at 08:30 both are called, without an answer: they rest, and the desk says so
		this.clock.set(Instant.parse("2026-11-30T03:00:00Z"));
		for (int call = 0; call < 2; call++) {
			AccountView taken = (this.next.next("idle-agent").orElseThrow().accountId().equals(first.id())) ? first
					: second;
			this.desk.dispose(taken.id(), Dispositions.noAnswer(this.portfolios.firstPhone(taken)),
					Dispositions.agent("idle-agent"));
		}
		Document resting = nothingToCall("idle-agent");
		assertThat(resting.select("[data-idle] [data-waiting]").text())
			.contains("Every one of your 2 accounts is taken or waiting", "resting after a recent call 2");
		assertThat(resting.select("[data-idle] [data-opens]")).isEmpty();
	}

	/**
	 * Asks for the next account and follows the redirect to the desk, in one session (the
	 * answer travels as a flash attribute in the session kept in PostgreSQL).
	 */
	private Document nothingToCall(String agent, String... language) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/desk/next").session(session).with(as(agent)).with(csrf()))
			.andExpect(redirectedUrl("/desk"));
		MockHttpServletRequestBuilder desk = get("/desk").session(session).with(as(agent));
		return page((language.length == 0) ? desk : desk.param("lang", language[0]));
	}

	private Document worklist(String agent) throws Exception {
		return page(get("/desk/worklist").with(as(agent)));
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup
			.parse(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private ArrangementView promise(AccountView account, String agent, String amount, LocalDate dueOn) {
		return this.desk
			.dispose(account.id(),
					new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.PROMISE_TO_PAY, null,
							this.portfolios.firstPhone(account), new BigDecimal(amount), dueOn, null, null, null, null),
					Dispositions.agent(agent))
			.arrangement();
	}

	private void agent(String name) {
		this.agents.certifiedAgent(name, name, "secret", "RA-" + name, LocalDate.of(2027, 12, 31), "en", "ml");
	}

	private static RequestPostProcessor as(String agent) {
		return user(agent).roles("AGENT");
	}

}

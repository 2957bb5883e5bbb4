package org.dues.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.arrangement.ArrangementStatus;
import org.dues.arrangement.Asker;
import org.dues.contact.ContactLog;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentView;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.dues.system.Actor;
import org.dues.work.CallResult;
import org.dues.work.Desk;
import org.dues.work.Dispositions;
import org.dues.work.NextAccount;
import org.dues.work.Outcome;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18: an agent's scorecard by day (attempts, right-party contacts, promises taken,
 * promises kept, collected) from the faces the owning modules publish, read by the agent
 * themselves, the lead of their team and a manager, and by no other lead.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class ScorecardTests {

	private static final Currency INR = Currency.getInstance("INR");

	private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

	/** Monday 30 November 2026, 11:00 in India. */
	private static final Instant MONDAY = Instant.parse("2026-11-30T05:30:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	UserManagement users;

	@Autowired
	Teams teams;

	@Autowired
	NextAccount next;

	@Autowired
	Desk desk;

	@Autowired
	PaymentManagement payments;

	@Autowired
	Scorecards scorecards;

	@Test
	void anAgentsDaysAreCountedFromThePublishedFacts() throws Exception {
		this.clock.set(IntegrationTest.START);
		this.agents.certifiedAgent("sc-agent", "Scored Agent", "scorecard-secret", "RA-9", LocalDate.of(2027, 6, 30),
				"ml", "en");
		this.agents.named("sc-lead", "Scoring Lead", "scorecard-secret", Role.TEAM_LEAD, "en");
		this.agents.named("sc-other-lead", "Other Lead", "scorecard-secret", Role.TEAM_LEAD, "en");
		this.agents.named("sc-other-agent", "Other Agent", "scorecard-secret", Role.AGENT, "en");
		this.teams.addMember(this.teams.create("Scored team", "sc-lead").id(), "sc-agent");
		this.teams.addMember(this.teams.create("Other scored team", "sc-other-lead").id(), "sc-other-agent");
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView promised = this.portfolios.overdue(nbfc, 40, "250000.00");
		AccountView other = this.portfolios.overdue(nbfc, 50, "30000.00");
		for (AccountView a : List.of(promised, other)) {
			this.next.assign(a.id(), "sc-agent", "sc-lead");
		}
		Asker agent = Dispositions.agent("sc-agent");

		// Monday 11:00 in India: two calls, a conversation and a promise of ₹1,25,000
		this.clock.set(MONDAY);
		ContactLog.Attempt call = this.desk.call(promised.id(), this.portfolios.firstPhone(promised), "sc-agent");
		Desk.Recorded promise = this.desk.dispose(promised.id(),
				new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.PROMISE_TO_PAY, call.interaction().id(), null,
						new BigDecimal("125000"), LocalDate.of(2026, 12, 5), null, null, null, null),
				agent);
		assertThat(promise.arrangement().status()).isEqualTo(ArrangementStatus.ACTIVE);
		ContactLog.Attempt unanswered = this.desk.call(other.id(), this.portfolios.firstPhone(other), "sc-agent");
		this.desk.dispose(other.id(), new Desk.Disposition(CallResult.NO_ANSWER, null, unanswered.interaction().id(),
				null, null, null, null, null, null, null), agent);
		// 12:00: the promise paid in full, kept; two more payments, one of which bounces
		this.clock.set(MONDAY.plus(Duration.ofHours(1)));
		this.payments.post(promised.id(), new NewPayment(inr("125000"), PaymentChannel.UPI, "SC-1", null), "bank");
		this.payments.post(other.id(), new NewPayment(inr("2000"), PaymentChannel.UPI, "SC-2", null), "bank");
		PaymentView bounced = this.payments
			.post(other.id(), new NewPayment(inr("1000"), PaymentChannel.CHEQUE, "SC-3", null), "bank")
			.payment();
		this.payments.reverse(other.id(), bounced.id(), "cheque returned unpaid", Actor.system("bank"));
		// kept and credited after the payments commit
		LocalDate monday = LocalDate.of(2026, 11, 30);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Figures day = mine(monday, monday).days().get(0).figures();
			assertThat(day.kept()).isEqualTo(1);
			assertThat(day.collected()).containsExactly(inr("127000"));
		});
		// Tuesday: one more call, not answered
		this.clock.set(MONDAY.plus(Duration.ofDays(1)));
		this.desk.call(other.id(), this.portfolios.firstPhone(other), "sc-agent");

		Scorecards.AgentCard week = mine(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 1));
		assertThat(week.days()).hasSize(7);
		Figures mon = week.days().get(5).figures();
		assertThat(week.days().get(5).date()).isEqualTo(monday);
		assertThat(mon)
			.isEqualTo(new Figures(2, 1, 1, List.of(inr("125000")), 1, List.of(inr("125000")), List.of(inr("127000"))));
		assertThat(week.days().get(6).figures()).isEqualTo(new Figures(1, 0, 0, List.of(), 0, List.of(), List.of()));
		assertThat(week.days().subList(0, 5)).allSatisfy((d) -> assertThat(d.figures().none()).isTrue());
		assertThat(week.total())
			.isEqualTo(new Figures(3, 1, 1, List.of(inr("125000")), 1, List.of(inr("125000")), List.of(inr("127000"))));

		// the page: the lead of the agent's team reads it, in rupees grouped in lakhs
		Document lead = page("sc-lead", "TEAM_LEAD", "sc-agent");
		assertThat(lead.select("#scorecard-agents tbody tr")).extracting((r) -> r.attr("data-agent"))
			.containsExactly("sc-agent");
		assertThat(lead.select("#scorecard-days tr[data-day=2026-11-30]").text()).contains("2", "1", "₹1,25,000.00",
				"₹1,27,000.00");
		assertThat(lead.select("#scorecard-days tfoot").text()).contains("3", "₹1,27,000.00");
		assertThat(this.mvc.perform(get("/scorecard").param("lang", "ml").with(user("sc-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("സ്കോർകാർഡ്");
		// the agent reads their own, and only their own
		Document own = page("sc-agent", "AGENT", null);
		assertThat(own.select("h1").text()).contains("My scorecard");
		assertThat(own.getElementById("scorecard-agents")).isNull();
		assertThat(own.select("#scorecard-days tfoot").text()).contains("₹1,27,000.00");
		this.mvc.perform(get("/scorecard").param("agent", "sc-other-agent").with(user("sc-agent").roles("AGENT")))
			.andExpect(status().isNotFound());
		// another team's lead does not
		this.mvc.perform(get("/scorecard").param("agent", "sc-agent").with(user("sc-other-lead").roles("TEAM_LEAD")))
			.andExpect(status().isNotFound());
		assertThat(page("sc-other-lead", "TEAM_LEAD", null).select("#scorecard-agents tbody tr"))
			.extracting((r) -> r.attr("data-agent"))
			.containsExactly("sc-other-agent");
		// a manager reads everyone's
		assertThat(page("sc-manager", "MANAGER", null).select("#scorecard-agents tbody tr"))
			.extracting((r) -> r.attr("data-agent"))
			.contains("sc-agent", "sc-other-agent");
		// a period that ends before it starts is refused, saying why
		this.mvc
			.perform(get("/scorecard").param("from", "2026-12-01")
				.param("to", "2026-11-25")
				.with(user("sc-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("id=\"period-invalid\"")));
	}

	private Scorecards.AgentCard mine(LocalDate from, LocalDate to) {
		return this.scorecards.of(List.of(this.users.find("sc-agent").orElseThrow()), from, to, INDIA).agents().get(0);
	}

	private Document page(String username, String role, String agent) throws Exception {
		var request = get("/scorecard").param("from", "2026-11-25")
			.param("to", "2026-12-01")
			.param("zone", "Asia/Kolkata")
			.with(user(username).roles(role));
		if (agent != null) {
			request = request.param("agent", agent);
		}
		return Jsoup
			.parse(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private static Money inr(String amount) {
		return Money.of(new BigDecimal(amount), INR);
	}

}

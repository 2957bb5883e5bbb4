package org.dues.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.arrangement.Asker;
import org.dues.contact.ContactLog;
import org.dues.identity.Role;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentView;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.Money;
import org.dues.work.CallResult;
import org.dues.work.Desk;
import org.dues.work.Dispositions;
import org.dues.work.NextAccount;
import org.dues.work.Outcome;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSizes;
import org.dues.work.QueueSort;
import org.dues.work.Queues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The supervisor's floor: an agent's day (attempts, right-party contacts, blocked
 * attempts, promises and payments counted from midnight in the zone chosen, bounced
 * payments taken off), queue sizes, and callbacks nobody took.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class FloorTests {

	private static final Currency INR = Currency.getInstance("INR");

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	Creditors creditors;

	@Autowired
	MutableClock clock;

	@Autowired
	NextAccount next;

	@Autowired
	Desk desk;

	@Autowired
	PaymentManagement payments;

	@Autowired
	Floor floor;

	@Autowired
	QueueSizes queueSizes;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.dues.identity.Teams teams;

	@Autowired
	Queues queues;

	@Test
	void anAgentsDayIsCountedFromMidnightInTheZoneChosen() throws Exception {
		this.agents.certifiedAgent("sup-agent", "Floor Agent", "sup-secret", "RA-7", LocalDate.of(2027, 6, 30), "ml",
				"en");
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView promised = this.portfolios.overdue(nbfc, 40, "50000.00");
		AccountView paying = this.portfolios.overdue(nbfc, 50, "30000.00");
		AccountView later = this.portfolios.overdue(nbfc, 60, "20000.00");
		for (AccountView a : List.of(promised, paying, later)) {
			this.next.assign(a.id(), "sup-agent", "lead");
		}
		Asker agent = Dispositions.agent("sup-agent");

		// Sunday 17:30 in India: a payment, yesterday whichever zone is asked about
		this.clock.set(Instant.parse("2026-11-29T12:00:00Z"));
		this.payments.post(paying.id(), new NewPayment(inr("700"), PaymentChannel.UPI, "SUP-0", null), "bank");
		// 00:15 on Monday in India (18:45 on Sunday in UTC): outside calling hours,
		// blocked
		this.clock.set(Instant.parse("2026-11-29T18:45:00Z"));
		ContactLog.Attempt night = this.desk.call(promised.id(), this.portfolios.firstPhone(promised), "sup-agent");
		assertThat(night.allowed()).isFalse();

		// Monday 11:00 in India: a call, a promise
		this.clock.set(Instant.parse("2026-11-30T05:30:00Z"));
		ContactLog.Attempt call = this.desk.call(promised.id(), this.portfolios.firstPhone(promised), "sup-agent");
		assertThat(call.allowed()).isTrue();
		this.desk.dispose(promised.id(),
				new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.PROMISE_TO_PAY, call.interaction().id(), null,
						new BigDecimal("5000"), LocalDate.of(2026, 12, 5), null, null, null, null),
				agent);
		// a customer who asks to be called back at noon, their time
		this.clock.set(Instant.parse("2026-11-30T05:40:00Z"));
		this.desk.dispose(later.id(), Dispositions.callbackAsked(this.portfolios.firstPhone(later),
				LocalDateTime.of(2026, 11, 30, 12, 0), null), agent);
		// two payments, one of which bounces the same day
		this.clock.set(Instant.parse("2026-11-30T06:00:00Z"));
		this.payments.post(paying.id(), new NewPayment(inr("2000"), PaymentChannel.UPI, "SUP-1", null), "bank");
		PaymentView bounced = this.payments
			.post(paying.id(), new NewPayment(inr("1000"), PaymentChannel.CHEQUE, "SUP-2", null), "bank")
			.payment();
		this.payments.reverse(paying.id(), bounced.id(), "cheque returned unpaid",
				org.dues.system.Actor.system("bank"));
		// a payment received on Saturday, posted only now: Saturday's, not today's
		this.payments.post(paying.id(),
				new NewPayment(inr("400"), PaymentChannel.BANK_TRANSFER, "SUP-3", LocalDate.of(2026, 11, 28)), "bank");

		this.clock.set(Instant.parse("2026-11-30T07:00:00Z"));
		// payments are credited after they commit, asynchronously
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(day(ZoneId.of("Asia/Kolkata")).paid()).containsExactly(inr("2000")));
		AgentDay india = day(ZoneId.of("Asia/Kolkata"));
		assertThat(india.attempts()).isEqualTo(2);
		assertThat(india.rightPartyContacts()).isEqualTo(2);
		assertThat(india.blocked()).isEqualTo(1);
		assertThat(india.promises()).isEqualTo(1);
		assertThat(india.promised()).containsExactly(inr("5000"));
		assertThat(india.paid()).containsExactly(inr("2000"));
		// the day in UTC began at 05:30 in India: the night's blocked call is yesterday's
		AgentDay utc = day(ZoneOffset.UTC);
		assertThat(utc.blocked()).isZero();
		assertThat(utc.attempts()).isEqualTo(2);
		assertThat(utc.paid()).containsExactly(inr("2000"));

		// the callback fell due at 06:30 UTC and nobody has taken it
		assertThat(this.floor.overdueCallbacks()).anySatisfy((c) -> {
			assertThat(c.accountId()).isEqualTo(later.id());
			assertThat(c.agent()).isEqualTo("sup-agent");
			assertThat(c.dueAt()).isEqualTo(Instant.parse("2026-11-30T06:30:00Z"));
		});

		// the page: a zone asked for, and a wrong one refused with the reason
		this.agents.lead("sup-lead", "sup-agent");
		this.mvc.perform(get("/supervisor").param("zone", "UTC").with(user("sup-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("today in UTC")))
			.andExpect(content().string(containsString("Floor Agent")))
			.andExpect(content().string(containsString("<option value=\"Asia/Kolkata\"")));
		this.mvc.perform(get("/supervisor").param("zone", "Mars/Olympus").with(user("sup-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&#39;Mars/Olympus&#39; is not a time zone")));
		// a lead's choice holds for the session, so a reassignment comes back to the same
		// day
		org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
		this.mvc
			.perform(get("/supervisor").param("zone", "America/New_York")
				.session(session)
				.with(user("sup-lead").roles("TEAM_LEAD")))
			.andExpect(content().string(containsString("today in America/New_York")));
		this.mvc.perform(get("/supervisor").session(session).with(user("sup-lead").roles("TEAM_LEAD")))
			.andExpect(content().string(containsString("today in America/New_York")));
		// by default the zone of the creditors holding most active accounts
		String busiest = this.jdbc
			.sql("""
					SELECT c.time_zone, count(*) FROM portfolio_accounts a JOIN portfolio_creditors c ON c.id = a.creditor_id
					WHERE a.status = 'ACTIVE' GROUP BY c.time_zone ORDER BY 2 DESC, 1 LIMIT 1""")
			.query((rs, n) -> rs.getString(1))
			.single();
		assertThat(this.creditors.busiestZone()).contains(ZoneId.of(busiest));
		this.mvc.perform(get("/supervisor").with(user("sup-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("today in " + busiest + "<")));
	}

	private AgentDay day(ZoneId zone) {
		return this.floor.agents(zone, null)
			.stream()
			.filter((d) -> d.agent().equals("sup-agent"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void queueSizesCountedInOnePassAgreeWithEachQueueCountedAlone() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		for (int dpd : List.of(5, 35, 65, 95, 125)) {
			this.portfolios.overdue(nbfc, dpd, (dpd * 1000) + ".00");
		}
		Map<String, String> kerala = Portfolios.row(nbfc, "40000.00");
		kerala.put("overdue_amount", "40000.00");
		kerala.put("oldest_due_date", "2026-09-01");
		kerala.put("state", "KL");
		kerala.put("language", "ml");
		this.portfolios.place(nbfc, kerala);
		org.dues.identity.Teams.TeamView team = this.teams.create("Sizes " + nbfc.code(), null);
		List<String> code = List.of(nbfc.code());
		List<QueueFilters> filters = List.of(
				new QueueFilters(code, List.of(), 30, 100, null, null, List.of(), List.of(), List.of(), List.of()),
				new QueueFilters(code, List.of("NPA"), null, null, null, null, List.of(), List.of(), List.of(),
						List.of()),
				new QueueFilters(code, List.of(), null, null, new BigDecimal("50000"), null, List.of(), List.of(),
						List.of(), List.of()),
				new QueueFilters(code, List.of(), null, null, null, null, List.of("ml"), List.of("KL"), List.of(),
						List.of()),
				new QueueFilters(code, List.of(), null, null, null, null, List.of(), List.of("UP"), List.of(),
						List.of()));
		for (int i = 0; i < filters.size(); i++) {
			this.queues.define(team.id(), "Q" + i, filters.get(i), QueueSort.DPD_DESC, 50 + i, "lead");
		}
		Map<Queues.QueueView, Queues.Size> together = this.floor.queueSizes(List.of(team.id()));
		assertThat(together).hasSize(filters.size());
		together.forEach((queue, size) -> assertThat(size).as(queue.name()).isEqualTo(this.queues.size(queue.id())));
		assertThat(together.values().stream().map(Queues.Size::accounts).toList()).containsExactly(4L, 2L, 3L, 1L, 0L);
		assertThat(this.queueSizes.of(null)).containsAllEntriesOf(together);
	}

	@Test
	void aTeamLeadWatchesTheTeamsTheyLeadAManagerTheWholeFloor() throws Exception {
		for (String agent : List.of("mine-agent", "their-agent")) {
			this.agents.named(agent, "Agent " + agent, "sup-secret", Role.AGENT, "en");
		}
		this.agents.named("floor-lead", "Lead", "sup-secret", Role.TEAM_LEAD, "en");
		org.dues.identity.Teams.TeamView team = this.teams.create("Floor " + System.nanoTime(), "floor-lead");
		this.teams.addMember(team.id(), "mine-agent");
		this.mvc.perform(get("/supervisor").with(user("floor-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Agent mine-agent")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("their-agent"))));
		// nor may the lead move the other team's accounts
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/supervisor/reassign")
				.param("fromAgent", "their-agent")
				.param("toAgent", "mine-agent")
				.with(user("floor-lead").roles("TEAM_LEAD"))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("problem", containsString("their-agent is not in a team you lead")));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/assignments")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.httpBasic("floor-lead", "sup-secret"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"fromAgent\": \"their-agent\", \"agent\": \"mine-agent\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/supervisor").with(user("floor-manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Agent mine-agent")))
			.andExpect(content().string(containsString("Agent their-agent")));
	}

	private static Money inr(String amount) {
		return Money.of(new BigDecimal(amount), INR);
	}

}

package org.dues.work;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dues.TestAgents;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.arrangement.ArrangementStatus;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.HoldType;
import org.dues.contact.ContactLog;
import org.dues.customer.CustomerManagement;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk: outcomes act (a promise through the arrangements module, holds, a wrong
 * number marked, a callback in the customer's time), a rejected outcome leaves nothing
 * behind, and pooled accounts are routed by language and the recovery-agent certificate.
 */
@IntegrationTest
class DeskTests {

	/** Monday 30 November 2026, 11:00 in India. */
	static final Instant MONDAY_IST = Instant.parse("2026-11-30T05:30:00Z");

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	UserManagement users;

	@Autowired
	Teams teams;

	@Autowired
	Queues queues;

	@Autowired
	NextAccount next;

	@Autowired
	Desk desk;

	@Autowired
	ContactLog contacts;

	@Autowired
	ContactHolds holds;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void reset() {
		this.clock.set(IntegrationTest.START);
	}

	@Test
	void outcomesActAndARejectedOneLeavesNothingBehind() throws Exception {
		this.clock.set(MONDAY_IST);
		this.users.createIfAbsent(new NewUser("desk-agent", "Desk Agent", "desk-secret", Set.of(Role.AGENT),
				List.of("ml", "en"), List.of(), "RA-1", LocalDate.of(2027, 6, 30)));
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView promised = this.portfolios.overdue(nbfc, 40, "50000.00");
		AccountView wrong = this.portfolios.overdue(nbfc, 41, "50000.00");
		AccountView disputed = this.portfolios.overdue(nbfc, 42, "50000.00");
		AccountView callback = this.portfolios.overdue(nbfc, 43, "50000.00");
		for (AccountView a : List.of(promised, wrong, disputed, callback)) {
			this.next.assign(a.id(), "desk-agent", "lead");
		}

		// a promise needs an amount: refused whole, no call logged
		int before = this.contacts.timeline(promised.id(), 100).size();
		this.mvc
			.perform(post("/api/v1/accounts/{id}/dispositions", promised.id().value())
				.with(httpBasic("desk-agent", "desk-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"result": "RIGHT_PARTY", "outcome": "PROMISE_TO_PAY", "dueOn": "2026-12-05",
						 "number": "%s"}""".formatted(phone(promised))))
			.andExpect(status().isBadRequest())
			.andExpect(content("amount"));
		assertThat(this.contacts.timeline(promised.id(), 100)).hasSize(before);
		// an outcome only the customer can give needs the customer
		this.mvc
			.perform(post("/api/v1/accounts/{id}/dispositions", promised.id().value())
				.with(httpBasic("desk-agent", "desk-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"result": "NO_ANSWER", "outcome": "REFUSED", "number": "%s"}""".formatted(phone(promised))))
			.andExpect(status().isBadRequest())
			.andExpect(content("RIGHT_PARTY"));

		this.mvc
			.perform(post("/api/v1/accounts/{id}/dispositions", promised.id().value())
				.with(httpBasic("desk-agent", "desk-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"result": "RIGHT_PARTY", "outcome": "PROMISE_TO_PAY", "amount": 5000, "dueOn": "2026-12-05",
						 "number": "%s", "note": "Salary on the 5th"}""".formatted(phone(promised))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.arrangement.status").value("ACTIVE"))
			.andExpect(jsonPath("$.interaction.result").value("CONVERSATION"));
		assertThat(this.desk.timeline(promised.id(), 20)).extracting(Desk.TimelineItem::what)
			.contains("channel.CALL", "arr.kind.PROMISE", "timeline.outcome");

		// a wrong number is marked and no longer offered
		this.desk.dispose(wrong.id(), new Desk.Disposition(CallResult.WRONG_NUMBER, null, null, phone(wrong), null,
				null, null, null, null, "Says he is a mechanic"), asker());
		assertThat(this.customers.get(wrong.customerId()).phones()).singleElement()
			.satisfies((p) -> assertThat(p.wrongNumber()).isTrue());

		// a dispute places a dispute hold on that debt
		Desk.Recorded dispute = this.desk.dispose(disputed.id(), new Desk.Disposition(CallResult.RIGHT_PARTY,
				Outcome.DISPUTE, null, phone(disputed), null, null, null, null, null, "Never took this loan"), asker());
		assertThat(this.holds.ofCustomer(disputed.customerId())).singleElement().satisfies((h) -> {
			assertThat(h.id()).isEqualTo(dispute.holdId());
			assertThat(h.type()).isEqualTo(HoldType.DISPUTE);
			assertThat(h.accountIds()).containsExactly(disputed.id().value());
		});

		// a callback at 18:30 the customer's time (India) falls due then, for this agent
		Desk.Recorded later = this.desk
			.dispose(
					callback.id(), new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.CALLBACK, null, phone(callback),
							null, null, null, null, LocalDateTime.of(2026, 11, 30, 18, 30), "At home after work"),
					asker());
		assertThat(later.callbackAt())
			.isEqualTo(LocalDateTime.of(2026, 11, 30, 18, 30).atZone(ZoneId.of("Asia/Kolkata")).toInstant());
		this.clock.set(later.callbackAt().plusSeconds(60));
		NextAccount.Next due = this.next.next("desk-agent").orElseThrow();
		assertThat(due.accountId()).isEqualTo(callback.id());
		assertThat(due.reason()).isEqualTo("CALLBACK");
		// nothing else was handed out while the disputed account is held
		assertThat(this.next.next("desk-agent").map(NextAccount.Next::accountId)).isNotEqualTo(disputed.id());
	}

	@Test
	void pooledAccountsGoToAgentsWhoSpeakTheLanguageAndHoldACurrentCertificate() throws Exception {
		this.clock.set(MONDAY_IST);
		CreditorView nbfc = this.portfolios.indianNbfc();
		Map<String, String> hindi = Portfolios.row(nbfc, "20000.00");
		hindi.put("language", "hi");
		hindi.put("customer_name", "सुनीता देवी");
		hindi.put("overdue_amount", "20000.00");
		hindi.put("oldest_due_date", "2026-09-01");
		AccountView hindiAccount = this.portfolios.place(nbfc, hindi);
		this.users.createIfAbsent(new NewUser("ml-agent", "Malayalam agent", "secret", Set.of(Role.AGENT),
				List.of("ml", "en"), List.of(), "RA-2", LocalDate.of(2027, 1, 1)));
		this.users.createIfAbsent(new NewUser("hi-agent", "Hindi agent", "secret", Set.of(Role.AGENT),
				List.of("hi", "en"), List.of(), "RA-3", LocalDate.of(2026, 11, 1)));
		this.users.createIfAbsent(new NewUser("hi-agent-2", "Hindi agent", "secret", Set.of(Role.AGENT),
				List.of("hi", "en"), List.of(), "RA-4", LocalDate.of(2027, 11, 1)));
		Teams.TeamView team = this.teams.create("Routing " + nbfc.code(), null);
		for (String agent : List.of("ml-agent", "hi-agent", "hi-agent-2")) {
			this.teams.addMember(team.id(), agent);
		}
		this.queues.define(team.id(), "All", new QueueFilters(List.of(nbfc.code()), List.of(), null, null, null, null,
				List.of(), List.of(), List.of(), List.of()), QueueSort.DPD_DESC, 1, "lead1");

		assertThat(this.next.next("ml-agent")).as("does not speak Hindi").isEmpty();
		assertThat(this.next.next("hi-agent")).as("certificate expired on 1 November").isEmpty();
		assertThatThrownBy(() -> this.desk.call(hindiAccount.id(), phone(hindiAccount), "hi-agent"))
			.isInstanceOf(org.dues.shared.ConflictException.class)
			.hasMessageContaining("no current recovery-agent certificate");
		// nor on any other path or channel: a text through the contacts API
		this.mvc
			.perform(post("/api/v1/accounts/{id}/contacts", hindiAccount.id().value())
				.with(httpBasic("hi-agent", "secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"channel": "SMS", "result": "DELIVERED"}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("no current recovery-agent certificate")));
		assertThat(this.contacts.timeline(hindiAccount.id(), 10)).as("a refused contact is not logged").isEmpty();
		assertThat(this.next.next("hi-agent-2")).map(NextAccount.Next::accountId).contains(hindiAccount.id());
	}

	@Test
	void anAccountRestsAfterAnOutcomeAndWaitsForItsPromiseDate() {
		this.clock.set(MONDAY_IST);
		this.users.createIfAbsent(new NewUser("rest-agent", "Resting", "secret", Set.of(Role.AGENT), List.of("en"),
				List.of(), "RA-5", LocalDate.of(2027, 6, 30)));
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView unanswered = this.portfolios.overdue(nbfc, 60, "10000.00");
		AccountView promising = this.portfolios.overdue(nbfc, 50, "10000.00");
		this.next.assign(unanswered.id(), "rest-agent", "lead");
		this.next.assign(promising.id(), "rest-agent", "lead");

		assertThat(this.next.next("rest-agent").orElseThrow().accountId()).isEqualTo(unanswered.id());
		this.desk.dispose(unanswered.id(), new Desk.Disposition(CallResult.NO_ANSWER, null, null, phone(unanswered),
				null, null, null, null, null, null), new org.dues.arrangement.Asker("rest-agent", Set.of(Role.AGENT)));
		assertThat(this.next.next("rest-agent").orElseThrow().accountId()).isEqualTo(promising.id());
		Desk.Recorded promise = this.desk.dispose(promising.id(),
				new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.PROMISE_TO_PAY, null, phone(promising),
						new java.math.BigDecimal("2000"), LocalDate.of(2026, 12, 10), null, null, null, null),
				new org.dues.arrangement.Asker("rest-agent", Set.of(Role.AGENT)));
		assertThat(promise.arrangement().status()).isEqualTo(ArrangementStatus.ACTIVE);
		assertThat(this.next.next("rest-agent")).as("one rests, the other waits for its promise").isEmpty();

		this.clock.set(MONDAY_IST.plus(java.time.Duration.ofHours(4)).plusSeconds(60));
		assertThat(this.next.next("rest-agent")).map(NextAccount.Next::accountId).contains(unanswered.id());
	}

	@Test
	void aLongCallNoteGoesToTheApproverCutAndTheWholeStaysWithTheOutcome() {
		this.clock.set(MONDAY_IST);
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 80, "40000.00");
		String note = "The customer lost her job in October. ".repeat(50);
		Desk.Recorded recorded = this.desk.dispose(account.id(),
				new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.SETTLEMENT_AGREED, null, phone(account),
						new java.math.BigDecimal("30000"), null, null, null, null, note),
				asker());
		assertThat(recorded.arrangement().status()).isEqualTo(ArrangementStatus.PENDING_APPROVAL);
		assertThat(recorded.arrangement().reason()).hasSize(1000).startsWith("The customer lost her job").endsWith("…");
		assertThat(this.jdbc.sql("SELECT detail FROM work_dispositions WHERE account_id = :id")
			.param("id", account.id().value())
			.query(String.class)
			.single()).isEqualTo(note);
	}

	@Test
	void aRefusedCallOnTheDeskNamesTheDebtAsTheAgentKnowsIt() throws Exception {
		this.clock.set(Instant.parse("2026-11-30T15:00:00Z")); // 10:00 in New York
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView account = this.portfolios.overdue(issuer, 40, "1500.00");
		for (int call = 1; call <= 7; call++) {
			this.agents.lead("desk-lead");
			assertThat(this.desk.call(account.id(), phone(account), "desk-lead").allowed()).isTrue();
		}
		String label = issuer.code() + " / " + account.accountRef();
		this.mvc
			.perform(post("/accounts/{id}/desk/call", account.id().value()).param("number", phone(account))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user("desk-lead")
					.roles("TEAM_LEAD"))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(status().isOk())
			.andExpect(content("id=\"call-blocked\""))
			.andExpect(content("debt " + label + ": 7 calls already placed"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(containsString("debt " + account.id().value()))));
	}

	private org.springframework.test.web.servlet.ResultMatcher content(String text) {
		return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString(text));
	}

	private String phone(AccountView account) {
		return this.customers.get(account.customerId()).phones().get(0).e164();
	}

	private static org.dues.arrangement.Asker asker() {
		return new org.dues.arrangement.Asker("desk-agent", Set.of(Role.AGENT));
	}

}

package org.dues.work;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.arrangement.ArrangementStatus;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.HoldType;
import org.dues.contact.ContactLog;
import org.dues.customer.CustomerManagement;
import org.dues.identity.Role;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
@ExtendWith(MutableClock.BackToStart.class)
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
	org.dues.customer.ContactPointChanges contactPoints;

	@Autowired
	JdbcClient jdbc;

	@Test
	void outcomesActAndARejectedOneLeavesNothingBehind() throws Exception {
		this.clock.set(MONDAY_IST);
		this.agents.certifiedAgent("desk-agent", "Desk Agent", "desk-secret", "RA-1", LocalDate.of(2027, 6, 30), "ml",
				"en");
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
						 "number": "%s"}""".formatted(this.portfolios.firstPhone(promised))))
			.andExpect(status().isBadRequest())
			.andExpect(content("amount"));
		assertThat(this.contacts.timeline(promised.id(), 100)).hasSize(before);
		// an outcome only the customer can give needs the customer
		this.mvc
			.perform(post("/api/v1/accounts/{id}/dispositions", promised.id().value())
				.with(httpBasic("desk-agent", "desk-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"result": "NO_ANSWER", "outcome": "REFUSED", "number": "%s"}"""
					.formatted(this.portfolios.firstPhone(promised))))
			.andExpect(status().isBadRequest())
			.andExpect(content("RIGHT_PARTY"));

		this.mvc
			.perform(post("/api/v1/accounts/{id}/dispositions", promised.id().value())
				.with(httpBasic("desk-agent", "desk-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"result": "RIGHT_PARTY", "outcome": "PROMISE_TO_PAY", "amount": 5000, "dueOn": "2026-12-05",
						 "number": "%s", "note": "Salary on the 5th"}"""
					.formatted(this.portfolios.firstPhone(promised))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.arrangement.status").value("ACTIVE"))
			.andExpect(jsonPath("$.interaction.result").value("CONVERSATION"));
		assertThat(this.desk.timeline(promised.id(), 20)).extracting(Desk.TimelineItem::what)
			.contains("channel.CALL", "arr.kind.PROMISE", "timeline.outcome");

		// a wrong number is marked and no longer offered
		this.desk.dispose(wrong.id(), new Desk.Disposition(CallResult.WRONG_NUMBER, null, null,
				this.portfolios.firstPhone(wrong), null, null, null, null, null, "Says he is a mechanic"), asker());
		assertThat(this.customers.get(wrong.customerId()).phones()).singleElement()
			.satisfies((p) -> assertThat(p.wrongNumber()).isTrue());
		// kept in the customer's contact-point history with the agent who found it
		assertThat(this.contactPoints.history(wrong.customerId())).singleElement().satisfies((c) -> {
			assertThat(c.after()).isEqualTo(org.dues.customer.ContactPointStatus.WRONG);
			assertThat(c.by()).isEqualTo(asker().name());
			assertThat(c.value()).isEqualTo(this.portfolios.firstPhone(wrong));
		});

		// a dispute places a dispute hold on that debt
		Desk.Recorded dispute = this.desk.dispose(disputed.id(),
				new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.DISPUTE, null,
						this.portfolios.firstPhone(disputed), null, null, null, null, null, "Never took this loan"),
				asker());
		assertThat(this.holds.ofCustomer(disputed.customerId())).singleElement().satisfies((h) -> {
			assertThat(h.id()).isEqualTo(dispute.holdId());
			assertThat(h.type()).isEqualTo(HoldType.DISPUTE);
			assertThat(h.accountIds()).containsExactly(disputed.id().value());
		});

		// a callback at 18:30 the customer's time (India) falls due then, for this agent
		Desk.Recorded later = this.desk.dispose(callback.id(),
				Dispositions.callbackAsked(this.portfolios.firstPhone(callback), LocalDateTime.of(2026, 11, 30, 18, 30),
						"At home after work"),
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
		this.agents.certifiedAgent("ml-agent", "Malayalam agent", "secret", "RA-2", LocalDate.of(2027, 1, 1), "ml",
				"en");
		this.agents.certifiedAgent("hi-agent", "Hindi agent", "secret", "RA-3", LocalDate.of(2026, 11, 1), "hi", "en");
		this.agents.certifiedAgent("hi-agent-2", "Hindi agent", "secret", "RA-4", LocalDate.of(2027, 11, 1), "hi",
				"en");
		this.agents.queue(this.agents.team("Routing " + nbfc.code(), "ml-agent", "hi-agent", "hi-agent-2"), "All",
				TestAgents.everyAccountOf(nbfc), 1, "lead1");

		assertThat(this.next.next("ml-agent")).as("does not speak Hindi").isEmpty();
		assertThat(this.next.next("hi-agent")).as("certificate expired on 1 November").isEmpty();
		assertThatThrownBy(
				() -> this.desk.call(hindiAccount.id(), this.portfolios.firstPhone(hindiAccount), "hi-agent"))
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
		this.agents.certifiedAgent("rest-agent", "Resting", "secret", "RA-5", LocalDate.of(2027, 6, 30), "en");
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView unanswered = this.portfolios.overdue(nbfc, 60, "10000.00");
		AccountView promising = this.portfolios.overdue(nbfc, 50, "10000.00");
		this.next.assign(unanswered.id(), "rest-agent", "lead");
		this.next.assign(promising.id(), "rest-agent", "lead");

		assertThat(this.next.next("rest-agent").orElseThrow().accountId()).isEqualTo(unanswered.id());
		this.desk.dispose(unanswered.id(), Dispositions.noAnswer(this.portfolios.firstPhone(unanswered)),
				Dispositions.agent("rest-agent"));
		assertThat(this.next.next("rest-agent").orElseThrow().accountId()).isEqualTo(promising.id());
		Desk.Recorded promise = this.desk.dispose(promising.id(),
				new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.PROMISE_TO_PAY, null,
						this.portfolios.firstPhone(promising), new java.math.BigDecimal("2000"),
						LocalDate.of(2026, 12, 10), null, null, null, null),
				Dispositions.agent("rest-agent"));
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
				new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.SETTLEMENT_AGREED, null,
						this.portfolios.firstPhone(account), new java.math.BigDecimal("30000"), null, null, null, null,
						note),
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
			assertThat(this.desk.call(account.id(), this.portfolios.firstPhone(account), "desk-lead").allowed())
				.isTrue();
		}
		String label = issuer.code() + " / " + account.accountRef();
		this.mvc
			.perform(post("/accounts/{id}/desk/call", account.id().value())
				.param("number", this.portfolios.firstPhone(account))
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

	@Test
	void aRefusedOutcomeKeepsWhatWasEnteredWithEachErrorBesideItsField() throws Exception {
		this.clock.set(MONDAY_IST);
		this.agents.certifiedAgent("keep-agent", "Keeping", "secret", "RA-11", LocalDate.of(2027, 6, 30), "en");
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 40, "50000.00");
		this.next.assign(account.id(), "keep-agent", "lead");
		MockHttpSession session = verified(account, "keep-agent", "AGENT");

		// the form's own check: a promise needs its amount
		Document missing = page(outcome(account, session, "keep-agent", "AGENT").param("result", "RIGHT_PARTY")
			.param("outcome", "PROMISE_TO_PAY")
			.param("dueOn", "2026-12-10")
			.param("note", "Salary on the 10th"));
		assertThat(missing.select("#outcome-form [name=result] option[selected]").attr("value"))
			.isEqualTo("RIGHT_PARTY");
		assertThat(missing.select("#outcome-form [name=outcome] option[selected]").attr("value"))
			.isEqualTo("PROMISE_TO_PAY");
		assertThat(missing.select("#outcome-form [name=dueOn]").val()).isEqualTo("2026-12-10");
		assertThat(missing.select("#outcome-form [name=note]").text()).isEqualTo("Salary on the 10th");
		// said as a sentence, not "amount: is required for this outcome"
		assertThat(missing.select("#outcome-form [data-error=amount]").text())
			.isEqualTo("Enter an amount for a promise to pay");
		assertThat(missing.select("#outcome-form [name=amount]").hasClass("is-invalid")).isTrue();
		assertThat(missing.select("[data-problem]").text()).contains("Not recorded");

		// and one the desk finds after it (a date already past), beside its field too
		Document past = page(outcome(account, session, "keep-agent", "AGENT").param("result", "RIGHT_PARTY")
			.param("outcome", "PROMISE_TO_PAY")
			.param("amount", "5000")
			.param("dueOn", "2026-11-01")
			.param("note", "Salary on the 10th"));
		assertThat(past.select("#outcome-form [name=amount]").val()).isEqualTo("5000");
		assertThat(past.select("#outcome-form [name=dueOn]").val()).isEqualTo("2026-11-01");
		// the date as an Indian reader writes it, not 2026-11-01
		assertThat(past.select("#outcome-form [data-error=dueOn]").text())
			.isEqualTo("The date 1 Nov 2026 is in the past");
		assertThat(past.select("#outcome-form [data-error=amount]")).isEmpty();
		assertThat(this.contacts.timeline(account.id(), 10)).as("a refused outcome logs no call").isEmpty();
	}

	@Test
	void aSettlementSentForApprovalSaysWhoDecidesAndStaysOnTheAccount() throws Exception {
		this.clock.set(MONDAY_IST);
		this.agents.certifiedAgent("asking-agent", "Asking", "secret", "RA-13", LocalDate.of(2027, 6, 30), "en");
		this.agents.lead("asking-lead", "asking-agent");
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 80, "50000.00");
		AccountView other = this.portfolios.overdue(this.portfolios.indianNbfc(), 70, "50000.00");
		this.next.assign(account.id(), "asking-agent", "lead");
		this.next.assign(other.id(), "asking-agent", "lead");
		MockHttpSession session = verified(account, "asking-agent", "AGENT");

		var response = this.mvc
			.perform(outcome(account, session, "asking-agent", "AGENT").param("result", "RIGHT_PARTY")
				.param("outcome", "SETTLEMENT_AGREED")
				.param("amount", "30000")
				.param("note", "Lost her job; can pay 30,000 from her PF"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getHeader("HX-Redirect")).as("stays on the account").isNull();
		assertThat(response.getHeader("HX-Trigger")).contains("dues-desk-outcome");
		Document page = Jsoup.parse(response.getContentAsString());
		assertThat(page.select("[data-sent-for-approval]").text()).contains("Settlement of", "30,000.00",
				"sent for approval", "beyond your authority", "asking-lead", "Approvals");
		assertThat(page.select("[data-problem]")).isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM work_locks WHERE agent = 'asking-agent'")
			.query(Integer.class)
			.single()).as("no next account was taken").isZero();
	}

	@Test
	void whoeverDoesNotCallReadsTheDeskWithoutItsControlsAndWhoeverCallsVerifiesFirst() throws Exception {
		this.clock.set(Instant.parse("2026-11-30T15:00:00Z")); // 10:00 in New York
		AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 40, "1500.00");
		String officer = this.agents.officer("desk-officer", "officer-secret");
		Document read = page(get("/accounts/{id}/desk", account.id().value()).with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(officer)
					.roles("COMPLIANCE")));
		assertThat(read.select("[data-read-only]").text()).contains("compliance officers make no calls");
		assertThat(read.select("#rpv, #call-script, [data-call], #outcome-form")).isEmpty();
		assertThat(read.text()).doesNotContain("Right party verified");
		assertThat(read.select("#timeline")).isNotEmpty();

		for (String role : List.of("TEAM_LEAD", "MANAGER", "ADMIN")) {
			String user = role.equals("TEAM_LEAD") ? this.agents.lead("desk-lead") : this.agents
				.user("desk-" + role.toLowerCase(java.util.Locale.ROOT), "role-secret", Role.valueOf(role));
			MockHttpSession session = new MockHttpSession();
			Document before = page(get("/accounts/{id}/desk", account.id().value()).session(session)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(user)
					.roles(role)));
			assertThat(before.select("#rpv")).as(role + " verifies like anyone").isNotEmpty();
			assertThat(before.text()).as(role).doesNotContain("Right party verified", "certificate —");
			assertThat(before.select("#call-script")).as(role).isEmpty();
			assertThat(before.select("[data-call]")).as(role).isNotEmpty();
			Document refused = page(
					outcome(account, session, user, role).param("result", "RIGHT_PARTY").param("outcome", "REFUSED"));
			assertThat(refused.select("[data-problem]").text()).as(role).contains("Verify the customer");
			MockHttpSession checked = verified(account, user, role);
			Document after = page(get("/accounts/{id}/desk", account.id().value()).session(checked)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(user)
					.roles(role)));
			assertThat(after.text()).as(role).contains("Right party verified");
			assertThat(after.select("#call-script").text()).as(role).contains("debt collector");
		}
	}

	@Test
	void anExpiredCertificateIsSaidPlainlyAndClosesTheCall() throws Exception {
		this.clock.set(MONDAY_IST);
		this.agents.certifiedAgent("lapsed-agent", "Lapsed", "secret", "RA-LAPSED", LocalDate.of(2026, 11, 1), "en");
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 40, "50000.00");
		this.next.assign(account.id(), "lapsed-agent", "lead");
		var agent = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user("lapsed-agent")
			.roles("AGENT");
		MockHttpSession session = verified(account, "lapsed-agent", "AGENT");

		Document desk = page(get("/accounts/{id}/desk", account.id().value()).session(session).with(agent));
		assertThat(desk.select("[data-call-closed]").text()).contains("expired on", "2026",
				"Calls to Indian accounts need a current one");
		assertThat(desk.select("[data-call]")).isNotEmpty()
			.allSatisfy((b) -> assertThat(b.hasAttr("disabled")).isTrue());
		assertThat(desk.select("#call-script")).as("no disclosure recites a lapsed certificate").isEmpty();
		assertThat(desk.text()).doesNotContain("RA-LAPSED");

		Document panel = page(get("/accounts/{id}/compliance", account.id().value()).with(agent));
		assertThat(panel.select("[data-channel=CALL] .badge").text()).isEqualTo("blocked");
		assertThat(panel.select("[data-channel=CALL] [data-refusal]").text()).contains("expired on 2026-11-01");

		var nothing = this.mvc
			.perform(post("/desk/next").with(agent)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		Document home = page(get("/desk").with(agent).flashAttrs(nothing.getFlashMap()));
		assertThat(home.select("[data-certificate]").text()).contains("expired on", "Indian accounts");
		assertThat(home.text()).doesNotContain("every account is taken");
	}

	private MockHttpSession verified(AccountView account, String user, String role) throws Exception {
		MockHttpSession session = new MockHttpSession();
		String ref = account.accountRef();
		this.mvc.perform(post("/accounts/{id}/desk/verify", account.id().value())
			.param("answer", ref.substring(ref.length() - 4))
			.session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user)
				.roles(role))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("HX-Refresh", "true"));
		return session;
	}

	private MockHttpServletRequestBuilder outcome(AccountView account, MockHttpSession session, String user,
			String role) {
		return post("/accounts/{id}/desk/outcome", account.id().value()).session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user)
				.roles(role))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("number", this.portfolios.firstPhone(account));
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup
			.parse(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private org.springframework.test.web.servlet.ResultMatcher content(String text) {
		return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString(text));
	}

	private static org.dues.arrangement.Asker asker() {
		return Dispositions.agent("desk-agent");
	}

}

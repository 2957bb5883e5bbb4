package org.dues.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.messaging.letter.ValidationNotices;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Cases as their users live them over the API: a US dispute that stops collection until
 * verification, one after the validation period that does not, a complaint in India with
 * its 30 days and the ombudsman in the final letter, legal referrals with their statutory
 * dates or refused, and outcomes that the case's status does not allow.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class CaseworkTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	Accounts accounts;

	@Autowired
	ValidationNotices notices;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void users() {
		this.agents.pooledAgent("case-agent", "agent-secret");
		this.agents.lead("case-lead", "case-agent");
		this.agents.officer("case-officer", "officer-secret");
		this.agents.manager("case-manager", "manager-secret");
	}

	@Test
	void aUsDisputeWithinTheValidationPeriodStopsCollectionUntilVerificationIsSent() throws Exception {
		AccountView account = withAddress(this.portfolios.usIssuer(), "2500.00");
		this.notices.produce(account.id(), LocalDate.of(2026, 11, 26));
		// 10:00 in New York, two days later: within the validation period
		this.clock.set(Instant.parse("2026-11-30T15:00:00Z"));
		String id = id(dispute(account, "agent", """
				{"category": "NOT_MINE", "description": "Says the card was never hers", "channel": "PHONE"}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("AWAITING_VERIFICATION"))
			.andExpect(jsonPath("$.holdsCollection").value(true))
			.andExpect(jsonPath("$.dueOn").isNotEmpty())
			.andExpect(jsonPath("$.rule").value(containsString("validation period"))));
		for (String channel : new String[] { "CALL", "SMS", "EMAIL" }) {
			this.mvc
				.perform(get("/api/v1/accounts/{id}/contact-check", account.id().value()).param("channel", channel)
					.with(httpBasic("case-agent", "agent-secret")))
				.andExpect(jsonPath("$.decision").value("BLOCKED"))
				.andExpect(jsonPath("$.rules[?(@.rule == 'holds')].outcome").value(hasItem("BLOCKED")));
		}
		// an agent does not send the verification
		this.mvc.perform(post("/api/v1/disputes/{id}/verification", id).with(httpBasic("case-agent", "agent-secret")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/disputes/{id}/verification", id).with(httpBasic("case-officer", "officer-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"originalCreditor\": true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VERIFICATION_SENT"))
			.andExpect(jsonPath("$.holdsCollection").value(false))
			.andExpect(jsonPath("$.deadlines[?(@.code == 'VERIFY')].doneAt").isNotEmpty());
		this.mvc
			.perform(get("/api/v1/accounts/{id}/contact-check", account.id().value()).param("channel", "CALL")
				.with(httpBasic("case-agent", "agent-secret")))
			.andExpect(jsonPath("$.rules[?(@.rule == 'holds')].outcome").value(hasItem("ALLOWED")));
		this.mvc
			.perform(get("/api/v1/accounts/{id}/letters", account.id().value())
				.with(httpBasic("case-agent", "agent-secret")))
			.andExpect(jsonPath("$[*].template").value(hasItem("dispute-verification")));
		// verification is sent once
		this.mvc
			.perform(post("/api/v1/disputes/{id}/verification", id).with(httpBasic("case-officer", "officer-secret")))
			.andExpect(status().isConflict());
		// the compliance panel says why the hold was placed and lifted in the reader's
		// language, not casework's English
		for (String[] reader : new String[][] { { "hi", "विवाद (मेरा नहीं या पहचान की चोरी): ", "सत्यापन भेजा गया (" },
				{ "ml", "തർക്കം (എന്റേതല്ല അല്ലെങ്കിൽ ഐഡന്റിറ്റി മോഷണം): ", "സ്ഥിരീകരണം അയച്ചു (" } }) {
			String panel = this.mvc
				.perform(get("/accounts/{id}/compliance", account.id().value()).param("lang", reader[0])
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.user("case-manager")
						.roles("MANAGER")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(org.jsoup.Jsoup.parse(panel).text()).contains(reader[1], reader[2])
				.doesNotContain("dispute (NOT_MINE)", "verification sent (");
		}
	}

	@Test
	void aUsDisputeAfterTheValidationPeriodIsInvestigatedWithoutTheStop() throws Exception {
		AccountView account = withAddress(this.portfolios.usIssuer(), "900.00");
		this.notices.produce(account.id(), LocalDate.of(2026, 11, 26));
		this.clock.set(Instant.parse("2027-02-01T15:00:00Z"));
		dispute(account, "agent", """
				{"category": "WRONG_AMOUNT", "description": "Interest is wrong", "amount": "120.00"}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.holdsCollection").value(false))
			.andExpect(jsonPath("$.amount.amount").value("120.00"))
			.andExpect(jsonPath("$.rule").value(containsString("after")));
		this.mvc
			.perform(get("/api/v1/accounts/{id}/contact-check", account.id().value()).param("channel", "CALL")
				.with(httpBasic("case-agent", "agent-secret")))
			.andExpect(jsonPath("$.rules[?(@.rule == 'holds')].outcome").value(hasItem("ALLOWED")));
	}

	@Test
	void aPartlyUpheldDisputeAdjustsTheLedgerAndAClosedOneTakesNoOtherOutcome() throws Exception {
		AccountView account = withAddress(this.portfolios.indianNbfc(), "50000.00");
		String id = id(dispute(account, "agent", """
				{"category": "BILLING_ERROR", "description": "Charged twice for the same EMI", "amount": "4000.00"}""")
			.andExpect(status().isCreated()));
		// an amount above the disputed part is refused and nothing changes
		resolve("disputes", id, "case-lead", "lead-password-of-tests", """
				{"outcome": "PARTLY_UPHELD", "reason": "One EMI was charged twice", "amount": "5000.00"}""")
			.andExpect(status().isBadRequest());
		assertThat(this.accounts.get(account.id()).balances().owed().amount()).isEqualByComparingTo("50000.00");
		// an agent does not decide an outcome
		resolve("disputes", id, "case-agent", "agent-secret", """
				{"outcome": "REJECTED", "reason": "no"}""").andExpect(status().isForbidden());
		resolve("disputes", id, "case-lead", "lead-password-of-tests", """
				{"outcome": "PARTLY_UPHELD", "reason": "One EMI was charged twice", "amount": "2000.00"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.outcome").value("PARTLY_UPHELD"))
			.andExpect(jsonPath("$.holdsCollection").value(false));
		AccountView after = this.accounts.get(account.id());
		assertThat(after.balances().owed().amount()).isEqualByComparingTo("48000.00");
		assertThat(this.accounts.ledger(account.id())).anySatisfy((e) -> assertThat(e.sourceRef()).startsWith("C-"));
		resolve("disputes", id, "case-lead", "lead-password-of-tests", """
				{"outcome": "REJECTED", "reason": "second thoughts"}""").andExpect(status().isConflict());
	}

	@Test
	void anIndianComplaintIsDueInThirtyDaysAndItsFinalResponseNamesTheRbiOmbudsman() throws Exception {
		AccountView account = withAddress(this.portfolios.indianNbfc(), "30000.00");
		String id = id(this.mvc
			.perform(post("/api/v1/accounts/{id}/complaints", account.id().value())
				.with(httpBasic("case-agent", "agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"category": "AGENT_CONDUCT", "description": "The caller was rude", "receivedOn": "2026-11-26",
						 "channel": "PHONE"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.dueOn").value("2026-12-03"))
			.andExpect(jsonPath("$.deadlines[?(@.code == 'FINAL_RESPONSE')].dueOn").value(hasItem("2026-12-26"))));
		this.mvc
			.perform(get("/api/v1/cases").param("type", "COMPLAINT")
				.param("dueBefore", "2026-12-31")
				.with(httpBasic("case-agent", "agent-secret")))
			.andExpect(jsonPath("$[*].id").value(hasItem(id)));
		this.mvc
			.perform(post("/api/v1/complaints/{id}/acknowledgement", id).with(httpBasic("case-agent", "agent-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
			.andExpect(jsonPath("$.dueOn").value("2026-12-26"));
		resolve("complaints", id, "case-lead", "lead-password-of-tests", """
				{"outcome": "UPHELD", "reason": "We have spoken to the agent and apologise."}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("UPHELD"));
		this.mvc
			.perform(get("/api/v1/accounts/{id}/messages", account.id().value())
				.with(httpBasic("case-agent", "agent-secret")))
			.andExpect(jsonPath("$[*].body").value(hasItem(containsString("Integrated Ombudsman"))))
			.andExpect(jsonPath("$[*].body")
				.value(hasItem(containsString("Our decision: Upheld: We have spoken to the agent"))));

		// a Malayalam customer's final response says the decision in Malayalam
		AccountView malayalam = withAddress(this.portfolios.indianNbfc(), "30000.00", "ml");
		String theirs = id(this.mvc
			.perform(post("/api/v1/accounts/{id}/complaints", malayalam.id().value())
				.with(httpBasic("case-lead", "lead-password-of-tests"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"category": "AGENT_CONDUCT", "description": "The caller was rude", "receivedOn": "2026-11-26",
						 "channel": "PHONE"}"""))
			.andExpect(status().isCreated()));
		resolve("complaints", theirs, "case-lead", "lead-password-of-tests", """
				{"outcome": "REJECTED", "reason": "The recording shows a polite call."}""").andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/accounts/{id}/messages", malayalam.id().value())
				.with(httpBasic("case-lead", "lead-password-of-tests")))
			.andExpect(jsonPath("$[*].body").value(hasItem(containsString("cms.rbi.org.in"))))
			.andExpect(jsonPath("$[*].body")
				.value(hasItem(containsString("ഞങ്ങളുടെ തീരുമാനം: നിരസിച്ചു: The recording shows a polite call."))));
	}

	@Test
	void aSection138ReferralHasItsThreeStatutoryDatesAndATimeBarredUsDebtIsRefused() throws Exception {
		AccountView indian = withAddress(this.portfolios.indianNbfc(), "75000.00");
		String id = id(this.mvc
			.perform(post("/api/v1/accounts/{id}/legal-referrals", indian.id().value())
				.with(httpBasic("case-lead", "lead-password-of-tests"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"proceeding": "NI_ACT_138", "reason": "EMI cheque bounced: funds insufficient",
						 "chequeNumber": "004512", "chequeReturnedOn": "2026-11-20"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING_APPROVAL"))
			.andExpect(jsonPath("$.deadlines[?(@.code == 'NOTICE_BY')].dueOn").value(hasItem("2026-12-20")))
			.andExpect(jsonPath("$.deadlines[?(@.code == 'PAYMENT_DUE')]").isNotEmpty())
			.andExpect(jsonPath("$.deadlines[?(@.code == 'COMPLAINT_BY')]").isNotEmpty()));
		// agents do not refer; a lead does not approve their own
		this.mvc
			.perform(post("/api/v1/accounts/{id}/legal-referrals", indian.id().value())
				.with(httpBasic("case-agent", "agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"proceeding\": \"CIVIL_SUIT\", \"reason\": \"x\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/legal-referrals/{id}/approval", id)
				.with(httpBasic("case-lead", "lead-password-of-tests")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(
					post("/api/v1/legal-referrals/{id}/approval", id).with(httpBasic("case-manager", "manager-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"));
		// the notice went out on 1 December: the dates after it follow from that day
		this.clock.set(Instant.parse("2026-12-02T06:00:00Z"));
		this.mvc
			.perform(post("/api/v1/legal-referrals/{id}/stages/NOTICE_BY", id)
				.with(httpBasic("case-lead", "lead-password-of-tests"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"on\": \"2026-12-01\", \"note\": \"sent by registered post\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deadlines[?(@.code == 'NOTICE_BY')].doneAt").isNotEmpty());

		CreditorView issuer = this.portfolios.usIssuer();
		Map<String, String> row = Portfolios.row(issuer, "3000.00");
		row.put("overdue_amount", "3000.00");
		row.put("oldest_due_date", "2019-03-01");
		AccountView old = this.portfolios.place(issuer, row);
		long before = this.jdbc.sql("SELECT count(*) FROM casework_cases").query(Long.class).single();
		this.mvc
			.perform(post("/api/v1/accounts/{id}/legal-referrals", old.id().value())
				.with(httpBasic("case-manager", "manager-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"proceeding\": \"ATTORNEY_REFERRAL\", \"reason\": \"Large balance, no contact\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("TIME_BARRED"))
			.andExpect(jsonPath("$.detail").value(containsString("1006.26")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM casework_cases").query(Long.class).single()).isEqualTo(before);
	}

	/**
	 * A US debt's limitation period is that of the customer's state, not the creditor's
	 * country's default: Massachusetts allows six years; a state the table lacks takes
	 * the configured default of three, and the refusal says which state and period it
	 * applied.
	 */
	@Test
	void aUsDebtIsTimeBarredByTheCustomersStatesPeriod() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		// four years old in Boston: within Massachusetts' six years
		this.mvc
			.perform(post("/api/v1/accounts/{id}/legal-referrals", inState(issuer, "MA", "2022-11-01").id().value())
				.with(httpBasic("case-manager", "manager-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"proceeding\": \"ATTORNEY_REFERRAL\", \"reason\": \"Large balance, no contact\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.deadlines[?(@.code == 'FILE_BY')].dueOn").value(hasItem("2028-11-01")));
		// seven years old in Boston: barred, citing Massachusetts' six years
		this.mvc
			.perform(post("/api/v1/accounts/{id}/legal-referrals", inState(issuer, "ma", "2019-11-01").id().value())
				.with(httpBasic("case-manager", "manager-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"proceeding\": \"ATTORNEY_REFERRAL\", \"reason\": \"Large balance, no contact\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("TIME_BARRED"))
			.andExpect(jsonPath("$.detail").value(containsString("MA: 6 years")));
		// four years old in Ohio, which has no entry of its own: the default three years
		this.mvc
			.perform(post("/api/v1/accounts/{id}/legal-referrals", inState(issuer, "OH", "2022-11-01").id().value())
				.with(httpBasic("case-manager", "manager-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"proceeding\": \"ATTORNEY_REFERRAL\", \"reason\": \"Large balance, no contact\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("TIME_BARRED"))
			.andExpect(
					jsonPath("$.detail").value(containsString("US-OH has no period of its own in the table: 3 years")));
	}

	private AccountView inState(CreditorView creditor, String state, String oldestDue) {
		Map<String, String> row = Portfolios.row(creditor, "4000.00");
		row.put("overdue_amount", "4000.00");
		row.put("oldest_due_date", oldestDue);
		row.put("address_line1", "1 Tremont St");
		row.put("city", "MA".equalsIgnoreCase(state) ? "Boston" : "Columbus");
		row.put("state", state);
		row.put("postal_code", "MA".equalsIgnoreCase(state) ? "02108" : "43215");
		return this.portfolios.place(creditor, row);
	}

	@Test
	void aReferralToASeniorIsAnsweredBackToTheAgent() throws Exception {
		AccountView account = withAddress(this.portfolios.indianNbfc(), "12000.00");
		String id = id(this.mvc
			.perform(post("/api/v1/accounts/{id}/referrals", account.id().value())
				.with(httpBasic("case-agent", "agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Customer offers a settlement below my authority\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.owner").value("case-lead")));
		this.mvc
			.perform(post("/api/v1/referrals/{id}/answer", id).with(httpBasic("case-lead", "lead-password-of-tests"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"answer\": \"Offer 80% in three instalments\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("ANSWERED"))
			.andExpect(jsonPath("$.outcomeReason").value("Offer 80% in three instalments"));
	}

	private AccountView withAddress(CreditorView creditor, String principal) {
		return withAddress(creditor, principal, null);
	}

	private AccountView withAddress(CreditorView creditor, String principal, @Nullable String language) {
		Map<String, String> row = Portfolios.row(creditor, principal);
		if (language != null) {
			row.put("language", language);
		}
		row.put("overdue_amount", principal);
		row.put("oldest_due_date", LocalDate.of(2026, 10, 1).toString());
		boolean us = "US".equals(creditor.country());
		row.put("address_line1", us ? "12 Main St" : "TC 12/345, Kowdiar");
		row.put("city", us ? "Springfield" : "Thiruvananthapuram");
		row.put("state", us ? "MA" : "KL");
		row.put("postal_code", us ? "01101" : "695003");
		return this.portfolios.place(creditor, row);
	}

	private ResultActions dispute(AccountView account, String who, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/accounts/{id}/disputes", account.id().value())
			.with(httpBasic("case-" + who, who + "-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private ResultActions resolve(String kind, String id, String user, String password, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/{kind}/{id}/resolution", kind, id).with(httpBasic(user, password))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private static String id(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
	}

}

package org.dues.compliance;

import java.time.Instant;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The evaluate endpoint on the example of CONTRACTS.md and on bad facts; policies read
 * and a creditor's own stricter rules, which the live gate then applies.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class PoliciesApiTests {

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void users() {
		this.agents.officer("policy-officer", "officer-secret");
		this.agents.pooledAgent("policy-agent", "agent-secret");
	}

	@Test
	void theContractsExampleIsAllowedAndListsEveryRule() throws Exception {
		// the call of 1 April falls outside the seven days 2–8 April in New York
		this.mvc
			.perform(post("/api/v1/compliance/evaluate").with(httpBasic("policy-officer", "officer-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{
						  "jurisdiction": "US",
						  "channel": "CALL",
						  "at": "2026-04-08T15:00:00Z",
						  "person": {"role": "CONSUMER", "timeZones": ["America/New_York"]},
						  "debts": ["A"],
						  "history": [
						    {"at": "2026-04-01T14:00:00Z", "channel": "CALL", "direction": "OUTBOUND",
						     "debts": ["A"], "result": "NO_ANSWER"}
						  ],
						  "consents": [], "holds": [], "blackouts": [], "channelBans": []
						}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decision").value("ALLOWED"))
			.andExpect(jsonPath("$.policy.code").value("US"))
			.andExpect(jsonPath("$.rules.length()").value(9))
			.andExpect(jsonPath("$.rules[?(@.rule == 'call-frequency')].reason")
				.value(hasItem(containsString("0 of 7 calls in the 7 days 2026-04-02 to 2026-04-08"))))
			.andExpect(jsonPath("$.warnings.length()").value(0));
	}

	@Test
	void badFactsAreListedFieldByField() throws Exception {
		this.mvc
			.perform(post("/api/v1/compliance/evaluate").with(httpBasic("policy-officer", "officer-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"jurisdiction": "US", "channel": "PIGEON", "person": {"timeZones": ["Mars/Olympus"]},
						 "history": [{"channel": "CALL", "direction": "SIDEWAYS"}],
						 "holds": [{"type": "CEASE"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("channel", "at",
					"person.timeZones", "history[0].at", "history[0].direction", "holds[0].from")));
		this.mvc
			.perform(post("/api/v1/compliance/evaluate").with(httpBasic("policy-officer", "officer-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"jurisdiction": "FR", "channel": "CALL", "at": "2026-04-08T15:00:00Z",
						 "person": {"timeZones": ["Europe/Paris"]}}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("jurisdiction"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("US-MA")));
	}

	@Test
	void aCreditorMayOnlyTightenItsPolicyAndTheGateAppliesItAtOnce() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView account = this.portfolios.overdue(issuer, 20, "900.00");
		this.mvc.perform(get("/api/v1/compliance/policies/US-MA").with(httpBasic("policy-officer", "officer-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hours.CALL.from").value("08:00:00"))
			.andExpect(jsonPath("$.volumeLimits[*].name").value(hasItem("massachusetts-calls-and-texts")));
		firstPolicyAsOfficer(issuer, """
				{"rules": {"hours": {"CALL": {"from": "07:00", "to": "21:00"}}}, "reason": "wider"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("wider than US's 08:00–21:00")));
		this.mvc
			.perform(put("/api/v1/creditors/{code}/contact-policy", issuer.code())
				.with(httpBasic("policy-agent", "agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());
		firstPolicyAsOfficer(issuer, """
				{"rules": {"callFrequency": {"maxCalls": 3}}, "reason": "three a week"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("/rules/callFrequency")));
		this.mvc.perform(put("/api/v1/creditors/{code}/contact-policy", issuer.code())
			.with(httpBasic("policy-officer", "officer-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.header("If-None-Match", "*")
			.content(
					"""
							{"rules": {"hours": {"CALL": {"from": "09:00", "to": "20:00"}},
							           "callFrequency": {"maxCalls": 3, "days": 7, "conversationCooldownDays": 7, "consentDays": 7}},
							 "effectiveFrom": "2026-11-01", "reason": "Client contract schedule 4: calls 9 to 8, three a week"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hours.CALL.from").value("09:00:00"))
			.andExpect(jsonPath("$.hours.SMS.from").value("08:00:00"))
			.andExpect(jsonPath("$.callFrequency.maxCalls").value(3))
			.andExpect(jsonPath("$.version").value(1));
		// 08:30 in New York: open under US, closed under the creditor's rules
		this.clock.set(Instant.parse("2026-11-30T13:30:00Z"));
		this.mvc
			.perform(get("/api/v1/accounts/{id}/contact-check", account.id().value()).param("channel", "CALL")
				.with(httpBasic("policy-agent", "agent-secret")))
			.andExpect(jsonPath("$.decision").value("BLOCKED"))
			.andExpect(jsonPath("$.rules[0].reason").value(containsString("09:00–20:00")))
			.andExpect(jsonPath("$.nextOpening").value("2026-11-30T14:00:00Z"));
		this.mvc
			.perform(get("/api/v1/accounts/{id}/contact-check", account.id().value()).param("channel", "SMS")
				.with(httpBasic("policy-agent", "agent-secret")))
			.andExpect(jsonPath("$.decision").value("ALLOWED"));
	}

	/** The officer's first policy of the creditor (none may exist yet). */
	private ResultActions firstPolicyAsOfficer(CreditorView creditor, String json) throws Exception {
		return this.mvc.perform(put("/api/v1/creditors/{code}/contact-policy", creditor.code())
			.with(httpBasic("policy-officer", "officer-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.header("If-None-Match", "*")
			.content(json));
	}

}

package org.dues.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.ContactResult;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Creditors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The live gate through the API: holds and limits refuse attempts with their reasons, and
 * the evaluate endpoint, given the same facts, gives the same answer.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class LiveGateTests {

	/** Monday 30 November 2026, 10:00 in New York. */
	static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	MockMvc mvc;

	@Autowired
	Creditors creditors;

	@Autowired
	MutableClock clock;

	@Autowired
	org.dues.customer.CustomerManagement customers;

	AccountView account;

	@BeforeEach
	void placeAUsAccount() {
		this.agents.pooledAgent("gate-agent", "agent-secret");
		this.agents.officer("gate-officer", "officer-secret");
		this.clock.set(MONDAY);
		this.account = this.portfolios.overdue(this.portfolios.usIssuer(), 45, "2500.00");
	}

	/** A POST of JSON through the API with the user's credentials. */
	private ResultActions postJson(String username, String password, String path, String json) throws Exception {
		return this.mvc.perform(
				post(path).with(httpBasic(username, password)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	/** A POST of JSON about one resource through the API with the user's credentials. */
	private ResultActions postJson(String username, String password, String path, Object id, String json)
			throws Exception {
		return this.mvc.perform(post(path, id).with(httpBasic(username, password))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	/** The agent's attempt on the channel at the account's phone, with its result. */
	ResultActions attempt(String channel, String result) throws Exception {
		return attempt("""
				{"channel": "%s", "address": "%s", "result": "%s"}""".formatted(channel, phone(), result));
	}

	/** The agent asks in the account's compliance panel to lift what it lists. */
	private ResultActions liftInThePanelAsTheAgent(String kind, Object id) throws Exception {
		return this.mvc.perform(post("/accounts/{id}/compliance/{kind}/{x}/lift", this.account.id().value(), kind, id)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("gate-agent")
				.roles("AGENT"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("reason", "asked"));
	}

	ResultActions attempt(String json) throws Exception {
		return postJson("gate-agent", "agent-secret", "/api/v1/accounts/{id}/contacts", this.account.id().value(),
				json);
	}

	String phone() {
		return this.account.customerId().toString().isEmpty() ? ""
				: "(212) 736-" + (1000 + Integer.parseInt(this.account.accountRef().substring(4)) % 8999);
	}

	@Test
	void sevenCallsInAWeekAndTheEighthIsRefusedWithTheReason() throws Exception {
		for (int day = 0; day < 7; day++) {
			this.clock.set(MONDAY.plus(Duration.ofDays(day)));
			attempt("CALL", "NO_ANSWER").andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("LOGGED"))
				.andExpect(jsonPath("$.address").value("+1212736" + phone().substring(10).replace("-", "")))
				.andExpect(jsonPath("$.decision.decision").value("ALLOWED"));
		}
		this.clock.set(MONDAY.plus(Duration.ofDays(6)).plus(Duration.ofHours(3)));
		attempt("CALL", "NO_ANSWER").andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Contact blocked"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("call-frequency")))
			.andExpect(jsonPath("$.decision.decision").value("BLOCKED"))
			.andExpect(jsonPath("$.decision.rules[?(@.rule == 'call-frequency')].outcome").value("BLOCKED"));
		// the blocked attempt is on the timeline with its reason; it did not count
		this.mvc
			.perform(get("/api/v1/accounts/{id}/contacts", this.account.id().value())
				.with(httpBasic("gate-agent", "agent-secret")))
			.andExpect(jsonPath("$.length()").value(8))
			.andExpect(jsonPath("$[0].status").value("BLOCKED"))
			.andExpect(jsonPath("$[0].blockedReason").value(org.hamcrest.Matchers.containsString("7 calls already")));
		// an SMS is not a call
		attempt("SMS", "DELIVERED").andExpect(status().isCreated());
		// next Monday the first call has left the week
		this.clock.set(MONDAY.plus(Duration.ofDays(7)));
		attempt("CALL", "CONVERSATION").andExpect(status().isCreated());
	}

	@Test
	void aCeaseHoldRefusesCallsOnEveryChannelAtOnceButNotTheRequiredNotice() throws Exception {
		postJson("gate-agent", "agent-secret", "/api/v1/accounts/{id}/holds", this.account.id().value(), """
				{"type": "CEASE", "reason": "Letter received asking us to stop contacting her"}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("CEASE"))
			.andExpect(jsonPath("$.placedBy").value("gate-agent"));
		for (String channel : List.of("CALL", "SMS", "EMAIL")) {
			String address = channel.equals("EMAIL") ? "maria@example.com" : phone();
			attempt("""
					{"channel": "%s", "address": "%s"}""".formatted(channel, address)).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("asked us to stop")));
		}
		attempt("""
				{"channel": "LETTER", "address": "1 Main St", "purpose": "REQUIRED_NOTICE"}""")
			.andExpect(status().isCreated());
		this.mvc
			.perform(get("/api/v1/accounts/{id}/contact-check", this.account.id().value()).param("channel", "CALL")
				.with(httpBasic("gate-agent", "agent-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decision").value("BLOCKED"))
			.andExpect(jsonPath("$.nextOpening").doesNotExist());
	}

	@Test
	void liftingAHoldNeedsAReasonAndARoleAboveAgentOnceTheCorrectionWindowHasPassed() throws Exception {
		String created = postJson("gate-agent", "agent-secret", "/api/v1/accounts/{id}/holds",
				this.account.id().value(), """
						{"type": "DISPUTE", "reason": "Says the balance includes fees she never agreed to"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");
		this.clock.advance(Duration.ofMinutes(16));
		postJson("gate-agent", "agent-secret", "/api/v1/holds/{id}/lift", id, "{\"reason\": \"verification sent\"}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers
				.containsString("more than 15 minutes ago: only a compliance officer, team lead, manager")));
		postJson("gate-officer", "officer-secret", "/api/v1/holds/{id}/lift", id, "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		postJson("gate-officer", "officer-secret", "/api/v1/holds/{id}/lift", id,
				"{\"reason\": \"Verification sent by post on 30 Nov\"}")
			.andExpect(status().isNoContent());
		postJson("gate-officer", "officer-secret", "/api/v1/holds/{id}/lift", id, "{\"reason\": \"again\"}")
			.andExpect(status().isConflict());
		attempt("CALL", "NO_ANSWER").andExpect(status().isCreated());
	}

	@Test
	void theEvaluateEndpointAndTheLiveGateGiveTheSameAnswerOnTheSameFacts() throws Exception {
		for (int day = 0; day < 3; day++) {
			this.clock.set(MONDAY.plus(Duration.ofDays(day)));
			attempt("CALL", "VOICEMAIL").andExpect(status().isCreated());
		}
		this.clock.set(MONDAY.plus(Duration.ofDays(3)));
		attempt("CALL", "CONVERSATION").andExpect(status().isCreated());
		postJson("gate-agent", "agent-secret", "/api/v1/accounts/{id}/blackouts", this.account.id().value(), """
				{"daysOfWeek": ["SUNDAY"], "reason": "Church on Sundays"}""").andExpect(status().isCreated());
		String debt = this.account.id().toString();
		for (Instant at : List.of(MONDAY.plus(Duration.ofDays(4)), MONDAY.plus(Duration.ofDays(6)),
				MONDAY.plus(Duration.ofDays(10)), MONDAY.plus(Duration.ofDays(10)).plus(Duration.ofHours(12)))) {
			this.clock.set(at);
			String live = this.mvc
				.perform(get("/api/v1/accounts/{id}/contact-check", this.account.id().value()).param("channel", "CALL")
					.with(httpBasic("gate-agent", "agent-secret")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			String history = """
					[{"at": "%s", "channel": "CALL", "direction": "OUTBOUND", "debts": ["%s"], "result": "VOICEMAIL"},
					 {"at": "%s", "channel": "CALL", "direction": "OUTBOUND", "debts": ["%s"], "result": "VOICEMAIL"},
					 {"at": "%s", "channel": "CALL", "direction": "OUTBOUND", "debts": ["%s"], "result": "VOICEMAIL"},
					 {"at": "%s", "channel": "CALL", "direction": "OUTBOUND", "debts": ["%s"], "result": "CONVERSATION"}]"""
				.formatted(MONDAY, debt, MONDAY.plus(Duration.ofDays(1)), debt, MONDAY.plus(Duration.ofDays(2)), debt,
						MONDAY.plus(Duration.ofDays(3)), debt);
			String stated = postJson("gate-officer", "officer-secret", "/api/v1/compliance/evaluate", """
					{"jurisdiction": "US", "channel": "CALL", "at": "%s",
					 "person": {"role": "CONSUMER", "timeZones": ["America/New_York"]},
					 "debts": ["%s"], "history": %s,
					 "blackouts": [{"daysOfWeek": ["SUNDAY"]}]}""".formatted(at, debt, history))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Map<String, Object> liveJson = JsonPath.read(live, "$");
			Map<String, Object> statedJson = JsonPath.read(stated, "$");
			assertThat(statedJson.get("decision")).as(at.toString()).isEqualTo(liveJson.get("decision"));
			assertThat(statedJson.get("rules")).as(at.toString()).isEqualTo(liveJson.get("rules"));
			assertThat(statedJson.get("nextOpening")).as(at.toString()).isEqualTo(liveJson.get("nextOpening"));
		}
	}

	@Test
	void agentsCannotLiftBansInconvenientTimesOrHoldsOthersRecordedInThePanel() throws Exception {
		Map<String, String> recorded = Map.of("bans", "/api/v1/accounts/{id}/channel-bans", "blackouts",
				"/api/v1/accounts/{id}/blackouts", "holds", "/api/v1/accounts/{id}/holds");
		Map<String, String> bodies = Map.of("bans", "{\"channel\": \"SMS\", \"reason\": \"asked\"}", "blackouts",
				"{\"daysOfWeek\": [\"SUNDAY\"], \"reason\": \"asked\"}", "holds",
				"{\"type\": \"CEASE\", \"reason\": \"asked in writing\"}");
		for (String kind : List.of("bans", "blackouts", "holds")) {
			String created = postJson("gate-officer", "officer-secret", recorded.get(kind), this.account.id().value(),
					bodies.get(kind))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString();
			String id = JsonPath.read(created, "$.id");
			liftInThePanelAsTheAgent(kind, id).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("was recorded by gate-officer")));
			liftInThePanelAsTheAgent(kind, java.util.UUID.randomUUID()).andExpect(status().isNotFound());
		}
		String state = this.mvc
			.perform(get("/api/v1/accounts/{id}/compliance", this.account.id().value())
				.with(httpBasic("gate-officer", "officer-secret")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<Object>>read(state, "$.holds[?(@.liftedAt != null)]")).isEmpty();
		assertThat(JsonPath.<List<Object>>read(state, "$.channelBans[?(@.recording.liftedAt != null)]")).isEmpty();
	}

	@Test
	void onlyComplianceManagersAndAdminsEvaluate() throws Exception {
		postJson("gate-agent", "agent-secret", "/api/v1/compliance/evaluate", "{}").andExpect(status().isForbidden());
	}

	@Autowired
	OutboundContacts outbound;

	@Test
	void anAdapterSendsOnlyWhatTheGateAllowed() throws Exception {
		ContactGate.Request sms = new ContactGate.Request(this.account.id(), Set.of(), Channel.SMS, phone(),
				PersonRole.CONSUMER, Purpose.COLLECTION);
		ContactLog.Attempt sent = this.outbound.send(sms, "Your payment of $75 is due", "strategy");
		assertThat(sent.allowed()).isTrue();
		assertThat(sent.interaction().result()).isEqualTo(ContactResult.DELIVERED);
		postJson("gate-agent", "agent-secret", "/api/v1/accounts/{id}/channel-bans", this.account.id().value(), """
				{"channel": "SMS", "address": "%s", "reason": "Texted STOP"}""".formatted(phone()))
			.andExpect(status().isCreated());
		ContactLog.Attempt refused = this.outbound.send(sms, "Your payment of $75 is due", "strategy");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.interaction().status()).isEqualTo(InteractionStatus.BLOCKED);
		assertThat(refused.interaction().result()).isNull();
		assertThat(refused.interaction().blockedReason()).contains("asked not to be contacted by SMS to +1212");
	}

	@Test
	void aCreditorWhoseJurisdictionNoPolicyCoversGetsEveryContactRefusedWithTheReason() throws Exception {
		var bank = this.creditors.create(new org.dues.portfolio.NewCreditor("DEBANK" + System.nanoTime() % 100000,
				"Berliner Bank", "DE", "EUR", "DE", "Europe/Berlin", null, null));
		AccountView german = this.portfolios.overdue(bank, 30, "800.00");
		this.mvc
			.perform(get("/api/v1/accounts/{id}/contact-check", german.id().value()).param("channel", "LETTER")
				.with(httpBasic("gate-agent", "agent-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decision").value("BLOCKED"))
			.andExpect(
					jsonPath("$.rules[0].reason").value("DE (no contact policy) allows no LETTER contact at any hour"));
		postJson("gate-agent", "agent-secret", "/api/v1/accounts/{id}/contacts", german.id().value(),
				"{\"channel\": \"CALL\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.decision.policy.code").value("DE (no contact policy)"));
		this.mvc.perform(get("/accounts/{id}/compliance", german.id().value())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("gate-agent")
				.roles("AGENT")))
			.andExpect(status().isOk());
	}

	@Test
	void thePanelOffersLiftingOnlyToThoseWhoMayLiftAndTheFormCarriesItsToken() throws Exception {
		postJson("gate-officer", "officer-secret", "/api/v1/accounts/{id}/holds", this.account.id().value(), """
				{"type": "DISPUTE", "reason": "Disputes the fees"}""").andExpect(status().isCreated());
		String asAgent = this.mvc.perform(get("/accounts/{id}/compliance", this.account.id().value())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("gate-agent")
				.roles("AGENT")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(asAgent).select("[data-holds] form")).isEmpty();
		String asOfficer = this.mvc.perform(get("/accounts/{id}/compliance", this.account.id().value())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("gate-officer")
				.roles("COMPLIANCE")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var form = org.jsoup.Jsoup.parse(asOfficer).select("[data-holds] form").first();
		assertThat(form).isNotNull();
		assertThat(form.attr("action")).endsWith("/lift");
		assertThat(form.attr("hx-post")).isEqualTo(form.attr("action"));
		assertThat(form.select("input[name=_csrf]")).hasSize(1);
		assertThat(form.select("button").text()).isEqualTo("Lift");
	}

	@Test
	void aNumberMarkedWrongOnTheCustomerViewIsNeitherCalledNorTextedFromThatMoment() throws Exception {
		java.util.UUID customer = this.account.customerId().value();
		java.util.UUID number = this.customers.get(this.account.customerId()).phones().get(0).id();
		attempt("CALL", "NO_ANSWER").andExpect(status().isCreated())
			.andExpect(jsonPath("$.decision.rules[?(@.rule == 'contact-points')].outcome").value("ALLOWED"));
		mark(customer, number, "WRONG", "A stranger answered: not his number");
		for (String channel : List.of("CALL", "SMS")) {
			attempt("""
					{"channel": "%s", "address": "%s", "result": "%s"}""".formatted(channel, phone(),
					channel.equals("CALL") ? "NO_ANSWER" : "DELIVERED"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.decision.decision").value("BLOCKED"))
				.andExpect(jsonPath("$.decision.rules[?(@.rule == 'contact-points')].outcome").value("BLOCKED"))
				.andExpect(jsonPath("$.decision.rules[?(@.rule == 'contact-points')].reason")
					.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("wrong number"))));
		}
		// a number the customer gives instead is called
		String added = postJson("gate-agent", "agent-secret", "/api/v1/customers/{id}/contact-points", customer, """
				{"kind": "PHONE", "number": "(212) 736-0999", "source": "CUSTOMER"}""").andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		attempt("""
				{"channel": "CALL", "address": "+12127360999", "result": "NO_ANSWER"}""")
			.andExpect(status().isCreated());
		// one not to be used is refused too, and may be used again once marked valid
		java.util.UUID second = java.util.UUID.fromString(JsonPath.read(added, "$.id"));
		mark(customer, second, "DO_NOT_USE", "His office: he asked us not to call there");
		this.mvc
			.perform(get("/api/v1/accounts/{id}/contact-check", this.account.id().value()).param("channel", "CALL")
				.param("address", "+12127360999")
				.with(httpBasic("gate-agent", "agent-secret")))
			.andExpect(jsonPath("$.decision").value("BLOCKED"))
			.andExpect(jsonPath("$.rules[?(@.rule == 'contact-points')].reason")
				.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("not to be used"))));
		mark(customer, second, "VALID", "He changed his mind");
		this.mvc
			.perform(get("/api/v1/accounts/{id}/contact-check", this.account.id().value()).param("channel", "CALL")
				.param("address", "+12127360999")
				.with(httpBasic("gate-agent", "agent-secret")))
			.andExpect(jsonPath("$.rules[?(@.rule == 'contact-points')].outcome").value("ALLOWED"));
	}

	private void mark(java.util.UUID customer, java.util.UUID point, String status, String reason) throws Exception {
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.patch("/api/v1/customers/{id}/contact-points/{point}", customer, point)
				.with(httpBasic("gate-agent", "agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"status": "%s", "reason": "%s"}""".formatted(status, reason)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value(status));
	}

}

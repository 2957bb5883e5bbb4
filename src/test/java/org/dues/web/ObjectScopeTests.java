package org.dues.web;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.TestAgents;

import org.dues.Portfolios;
import org.dues.arrangement.ArrangementManagement;
import org.dues.arrangement.ArrangementStatus;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.work.ArrangementState;
import org.dues.work.CallResult;
import org.dues.work.Desk;
import org.dues.work.Dispositions;
import org.dues.work.NextAccount;
import org.dues.work.Outcome;
import org.dues.work.QueueFilters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an attacker with an agent's login tried, one by one: each record outside their
 * scope does not exist for them, whether named by id or by reference, and what they may
 * see but not undo (another's payment, a consent compliance recorded) is refused with who
 * may.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class ObjectScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	NextAccount work;

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	Desk desk;

	@Autowired
	ArrangementManagement arrangements;

	ScopeFixture fixture;

	@BeforeEach
	void setUp() throws Exception {
		this.clock.set(IntegrationTest.START);
		this.fixture = ScopeFixture.create("os", this.context);
	}

	@Test
	void anAgentCannotReadAnotherAgentsAccountByItsReference() throws Exception {
		String code = this.fixture.creditor.code();
		as("AGENT", get("/api/v1/creditors/{code}/accounts/{ref}", code, this.fixture.outside.accountRef()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("customer"))));
		as("AGENT", get("/api/v1/creditors/{code}/accounts/{ref}", code, this.fixture.inside.accountRef()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(this.fixture.inside.account().toString()));
		as("TEAM_LEAD", get("/api/v1/creditors/{code}/accounts/{ref}", code, this.fixture.outside.accountRef()))
			.andExpect(status().isNotFound());
		as("MANAGER", get("/api/v1/creditors/{code}/accounts/{ref}", code, this.fixture.outside.accountRef()))
			.andExpect(status().isOk());
	}

	@Test
	void anAgentCannotCancelAnotherAccountsArrangementByIdNorUnderTheirOwnAccount() throws Exception {
		String theirs = this.fixture.outside.records().get("arrangement");
		as("AGENT", json(post("/api/v1/arrangements/{id}/cancel", theirs), "{\"reason\": \"mine now\"}"))
			.andExpect(status().isNotFound());
		as("AGENT", post("/accounts/{id}/arrangements/{a}/cancel", this.fixture.inside.account(), theirs).with(csrf())
			.param("reason", "mine now")).andExpect(status().isNotFound());
		as("MANAGER", get("/api/v1/arrangements/{id}", theirs))
			.andExpect(jsonPath("$.status").value("PENDING_APPROVAL"));
	}

	@Test
	void anIdWrittenAnotherWayReachesNoMoreThanTheIdItself() throws Exception {
		String theirs = this.fixture.outside.account().toString();
		for (String written : List.of("%20" + theirs, theirs + "%20", "%09" + theirs, theirs.toUpperCase())) {
			as("AGENT", get(URI.create("/api/v1/accounts/" + written))).andExpect(status().isNotFound());
		}
		String arrangement = this.fixture.outside.records().get("arrangement");
		as("AGENT", json(post(URI.create("/api/v1/arrangements/%20" + arrangement + "/cancel")),
				"{\"reason\": \"mine now\"}"))
			.andExpect(status().isNotFound());
		as("AGENT", post(URI
			.create("/accounts/%s/arrangements/%%20%s/cancel".formatted(this.fixture.inside.account(), arrangement)))
			.with(csrf())
			.param("reason", "mine now")).andExpect(status().isNotFound());
		as("MANAGER", get("/api/v1/arrangements/{id}", arrangement))
			.andExpect(jsonPath("$.status").value("PENDING_APPROVAL"));
		as("AGENT", get(URI.create("/api/v1/accounts/%20" + this.fixture.inside.account()))).andExpect(status().isOk());
	}

	@Test
	void aLeadSeesTheQueuesOfTheTeamsTheyLeadOnly() throws Exception {
		String inside = this.fixture.inside.queue().toString();
		String outside = this.fixture.outside.queue().toString();
		as("TEAM_LEAD", get("/queues")).andExpect(status().isOk())
			.andExpect(content().string(containsString(inside)))
			.andExpect(content().string(not(containsString(outside))));
		as("TEAM_LEAD", get("/api/v1/queues")).andExpect(content().string(containsString(inside)))
			.andExpect(content().string(not(containsString(outside))));
		as("MANAGER", get("/queues")).andExpect(content().string(containsString(outside)));
	}

	@Test
	void consentsAreRevokedOnlyWithinScopeAndByWhoMayUndoThem() throws Exception {
		as("AGENT", json(post("/api/v1/consents/{id}/revoke", this.fixture.outside.records().get("consent")),
				"{\"reason\": \"customer changed mind\"}"))
			.andExpect(status().isNotFound());
		String recordedByCompliance = this.fixture.inside.records().get("consent");
		as("AGENT",
				json(post("/api/v1/consents/{id}/revoke", recordedByCompliance),
						"{\"reason\": \"customer changed mind\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("was recorded by " + this.fixture.officer)));
		String state = as("MANAGER", get("/api/v1/accounts/{id}/compliance", this.fixture.inside.account())).andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<java.util.List<Object>>read(state, "$.consents[*].recording.liftedAt"))
			.allMatch(java.util.Objects::isNull);
		as("COMPLIANCE", json(post("/api/v1/consents/{id}/revoke", recordedByCompliance),
				"{\"reason\": \"customer withdrew it in writing\"}"))
			.andExpect(status().isNoContent());
	}

	@Test
	void aPaymentIsReversedByALeadOrByWhoeverPostedItWithinTheWindow() throws Exception {
		UUID account = this.fixture.inside.account();
		String byAgent = this.fixture.inside.records().get("payment");
		String byLead = payment("TEAM_LEAD", "LEAD-1");
		as("AGENT", reversal(account, byLead)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("only a team lead, manager or administrator")));
		String late = payment("AGENT", "LATE-1");
		as("AGENT", reversal(account, byAgent)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVERSED"));
		this.clock.advance(Duration.ofMinutes(16));
		as("AGENT", reversal(account, late)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("more than 15 minutes ago")));
		as("TEAM_LEAD", reversal(account, late)).andExpect(status().isOk());
		as("TEAM_LEAD", reversal(this.fixture.outside.account(), this.fixture.outside.records().get("payment")))
			.andExpect(status().isNotFound());
	}

	@Test
	void assignmentRefusesUnknownUsersNonAgentsAndUnknownAccounts() throws Exception {
		UUID account = this.fixture.inside.account();
		as("MANAGER", json(put("/api/v1/accounts/{id}/assignment", account), "{\"agent\": \"no-such-user\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("agent"))
			.andExpect(jsonPath("$.detail").value(containsString("there is no user 'no-such-user'")));
		as("MANAGER",
				json(put("/api/v1/accounts/{id}/assignment", account),
						"{\"agent\": \"%s\"}".formatted(this.fixture.officer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("is not an agent")));
		UUID unknown = UUID.randomUUID();
		as("MANAGER",
				json(post("/api/v1/assignments"),
						"{\"agent\": \"%s\", \"accountIds\": [\"%s\"]}".formatted(this.fixture.agent, unknown)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString(unknown.toString())));
		assertThat(this.work.ownersOf(java.util.List.of(this.fixture.inside.accountId())))
			.containsExactly(this.fixture.agent);
	}

	/**
	 * A settlement waiting for approval takes the account off a queue of accounts with no
	 * arrangement, yet the agent who took it follows it while it is open, and the day
	 * they worked it; a teammate who did not gets nothing.
	 */
	@Test
	void anAgentFollowsTheAccountsTheySettledWhileOpenAndThoseTheyWorkedForADay() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(nbfc, 60, "50000.00");
		for (String agent : List.of("follow-agent", "follow-mate")) {
			this.agents.certifiedAgent(agent, agent, "follow-secret", "RA-" + agent, LocalDate.of(2027, 12, 31), "en",
					"ml");
		}
		this.agents.queue(this.agents.team("Fresh accounts " + nbfc.code(), "follow-agent", "follow-mate"),
				"No arrangement yet", new QueueFilters(List.of(nbfc.code()), List.of(), null, null, null, null,
						List.of(), List.of(), List.of(), List.of(ArrangementState.NONE)),
				10, "test");
		var agent = user("follow-agent").roles("AGENT");
		var mate = user("follow-mate").roles("AGENT");
		assertThat(this.work.next("follow-agent")).map(NextAccount.Next::accountId).contains(account.id());
		this.mvc.perform(get("/accounts/{id}", account.id().value()).with(mate)).andExpect(status().isOk());

		Desk.Recorded settled = this.desk.dispose(account.id(),
				new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.SETTLEMENT_AGREED, null,
						this.portfolios.firstPhone(account), new java.math.BigDecimal("30000"), null, null, null, null,
						"Can pay 30,000 from her PF"),
				Dispositions.agent("follow-agent"));
		assertThat(settled.arrangement().status()).isEqualTo(ArrangementStatus.PENDING_APPROVAL);
		this.work.next("follow-agent"); // moving on lets the account go
		this.mvc.perform(get("/accounts/{id}", account.id().value()).with(agent)).andExpect(status().isOk());
		this.mvc.perform(get("/accounts/{id}/desk", account.id().value()).with(agent)).andExpect(status().isOk());
		this.mvc.perform(get("/accounts/{id}", account.id().value()).with(mate)).andExpect(status().isNotFound());

		// a day later it is still theirs while the settlement is open, and search, which
		// checks the same scope in SQL, finds it for them and not for their teammate
		this.clock.advance(Duration.ofHours(25));
		this.mvc.perform(get("/accounts/{id}", account.id().value()).with(agent)).andExpect(status().isOk());
		this.mvc.perform(get("/accounts/{id}", account.id().value()).with(mate)).andExpect(status().isNotFound());
		this.mvc.perform(get("/accounts").param("q", account.accountRef()).with(agent))
			.andExpect(content().string(containsString("1 account found")));
		this.mvc.perform(get("/accounts").param("q", account.accountRef()).with(mate))
			.andExpect(content().string(not(containsString(account.accountRef() + "<"))))
			.andExpect(content().string(not(containsString("1 account found"))));

		// an account they worked and a lead then gave to a teammate: theirs for the day
		AccountView worked = this.portfolios.overdue(nbfc, 30, "20000.00");
		this.work.assign(worked.id(), "follow-agent", "lead");
		this.desk.dispose(worked.id(), Dispositions.noAnswer(this.portfolios.firstPhone(worked)),
				Dispositions.agent("follow-agent"));
		this.work.assign(worked.id(), "follow-mate", "lead");
		this.mvc.perform(get("/accounts/{id}", worked.id().value()).with(agent)).andExpect(status().isOk());
		this.clock.advance(Duration.ofHours(25));
		this.mvc.perform(get("/accounts/{id}", worked.id().value()).with(agent)).andExpect(status().isNotFound());
		this.arrangements.cancel(settled.arrangement().id(), "customer changed her mind", "follow-agent");
		this.work.assign(account.id(), "follow-mate", "lead");
		// closed, given to another, and worked more than a day ago: no longer theirs
		this.mvc.perform(get("/accounts/{id}", account.id().value()).with(agent)).andExpect(status().isNotFound());
	}

	private String payment(String role, String reference) throws Exception {
		String body = "{\"amount\": \"5.00\", \"channel\": \"CASH\", \"reference\": \"%s-%s\", \"receivedOn\": \"%s\"}"
			.formatted(this.fixture.prefix, reference, LocalDate.now(this.clock));
		String created = as(role, json(post("/api/v1/accounts/{id}/payments", this.fixture.inside.account()), body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(created, "$.id");
	}

	private static MockHttpServletRequestBuilder reversal(UUID account, String payment) {
		return json(post("/api/v1/accounts/{a}/payments/{p}/reversal", account, payment),
				"{\"reason\": \"posted to the wrong account\"}");
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private ResultActions as(String role, MockHttpServletRequestBuilder request) throws Exception {
		String name = switch (role) {
			case "AGENT" -> this.fixture.agent;
			case "TEAM_LEAD" -> this.fixture.lead;
			case "COMPLIANCE" -> this.fixture.officer;
			case "MANAGER" -> this.fixture.manager;
			default -> this.fixture.admin;
		};
		return this.mvc.perform(request.with(user(name).roles(role)));
	}

}

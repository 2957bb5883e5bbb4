package org.dues.telephony;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.Teams;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.PhoneNumber;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A predictive campaign's Indian numbers on Exotel, through the campaign flow: Exotel is
 * played by WireMock and its requests replayed as it documents them. The dialer connects
 * the customer ({@code From}) to the flow ({@code Url}); once they answer, the flow's
 * Connect applet asks its dynamic URL, which names the ready agent the dialer claims at
 * that moment, or, with nobody free within two seconds, nobody: an abandon, whose message
 * the flow's Greeting applet then fetches in the customer's language. Status callbacks
 * end the calls, with the call's own token.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class ExotelCampaignTests {

	static final String SID = "duescampaign23";

	static final String CONNECT = "/v1/Accounts/" + SID + "/Calls/connect.json";

	static final String PUBLIC = "https://dues.example.com";

	static final String FLOW_TOKEN = "campaign-flow-secret";

	@RegisterExtension
	static WireMockExtension exotel = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("dues.telephony.exotel.sid", () -> SID);
		registry.add("dues.telephony.exotel.api-key", () -> "campaign-key");
		registry.add("dues.telephony.exotel.api-token", () -> "campaign-token");
		registry.add("dues.telephony.exotel.caller-id", () -> "08047112345");
		registry.add("dues.telephony.exotel.base-url", exotel::baseUrl);
		registry.add("dues.telephony.exotel.campaign-flow", () -> "512345");
		registry.add("dues.telephony.exotel.inbound-token", () -> FLOW_TOKEN);
		registry.add("dues.public-url", () -> PUBLIC);
		registry.add("dues.telephony.dialer.tick", () -> "0s");
	}

	@Autowired
	Dialer dialer;

	@Autowired
	Campaigns campaigns;

	@Autowired
	AgentStates states;

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	Teams teams;

	@Autowired
	Queues queues;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	private final List<Long> started = new ArrayList<>();

	@AfterEach
	void stopCampaigns() throws Exception {
		for (long id : this.started) {
			this.campaigns.run(id, false);
		}
		this.dialer.tick();
	}

	@Test
	void theCustomerIsConnectedToTheFlowWhoseConnectAppletNamesTheAgentClaimedAtTheAnswerOrNobody() throws Exception {
		// 11:30 in Kolkata: within the RBI's calling hours
		this.clock.set(Instant.parse("2026-11-26T06:00:00Z"));
		CreditorView nbfc = this.portfolios.indianNbfc();
		String agent = this.agents.certifiedAgent("exotel-dial-agent", "Exotel Dial Agent", "secret-exotel-dial",
				"RA-EXOTEL-23", java.time.LocalDate.of(2027, 12, 31), "en", "ml");
		Teams.TeamView team = this.teams.create("Exotel dialer team", null);
		this.teams.addMember(team.id(), agent);
		List<AccountView> accounts = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Map<String, String> row = Portfolios.row(nbfc, "9000.00");
			row.put("overdue_amount", "9000.00");
			row.put("oldest_due_date", java.time.LocalDate.of(2025, 10, 1).plusDays(i).toString());
			row.put("language", "ml");
			accounts.add(this.portfolios.place(nbfc, row));
		}
		Queues.QueueView queue = this.queues.define(team.id(), "Exotel dialled", new QueueFilters(List.of(nbfc.code()),
				List.of(), 300, null, null, null, List.of(), List.of(), List.of(), List.of()), QueueSort.DPD_DESC, 50,
				"tester");
		CampaignView.Retry never = new CampaignView.Retry(10000, 1);
		CampaignView campaign = this.campaigns.create(
				new NewCampaign("Exotel campaign", queue.id(), "PREDICTIVE", "00:00", "23:59", "Asia/Kolkata",
						BigDecimal.ONE, 30, new CampaignView.Retries(never, never, never), List.of(), List.of(agent)),
				"tester");
		this.started.add(campaign.id());
		this.campaigns.run(campaign.id(), true);

		// the account longest overdue is dialled, not left to preview: the customer
		// first, connected to the campaign flow
		answerWith("c0ffee00000000000000000000e23001");
		this.states.change(agent, AgentState.READY, null);
		this.dialer.tick();
		DialerCalls.Dialled first = latest(campaign.id());
		assertThat(first.accountId()).isEqualTo(accounts.get(0).id().value());
		assertThat(first.provider()).isEqualTo("exotel");
		String token = token(first.id());
		String statusUrl = PUBLIC + "/webhooks/telephony/exotel/status?call=" + first.id() + "&token=" + token;
		exotel.verify(postRequestedFor(urlEqualTo(CONNECT))
			.withBasicAuth(new BasicCredentials("campaign-key", "campaign-token"))
			.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
			.withFormParam("From", equalTo(this.portfolios.firstPhone(accounts.get(0))))
			.withFormParam("CallerId", equalTo("08047112345"))
			.withFormParam("Url", equalTo("http://my.exotel.com/" + SID + "/exoml/start_voice/512345"))
			.withFormParam("CallType", equalTo("trans"))
			.withFormParam("TimeOut", equalTo("30"))
			.withFormParam("TimeLimit", equalTo("3600"))
			.withFormParam("CustomField", equalTo(first.id().toString()))
			.withFormParam("StatusCallback", equalTo(statusUrl))
			.withFormParam("StatusCallbackEvents[0]", equalTo("terminal"))
			.withFormParam("StatusCallbackEvents[1]", equalTo("answered"))
			.withFormParam("StatusCallbackContentType", equalTo("application/json")));
		LoggedRequest placed = exotel.findAll(postRequestedFor(urlEqualTo(CONNECT))).get(0);
		assertThat(placed.getBodyAsString()).as("no To: the flow, not a number, follows the customer")
			.doesNotContain("To=")
			.doesNotContain("Record=");

		// the Connect applet's request without the flow's secret is refused and claims
		// nobody
		long refused = outcomes("REFUSED");
		this.mvc.perform(get("/webhooks/telephony/exotel/dialer").param("token", "wrong").param("CallSid", sid(first)))
			.andExpect(status().isUnauthorized());
		assertThat(outcomes("REFUSED")).isEqualTo(refused + 1);
		assertThat(this.states.current(agent).state()).isEqualTo(AgentState.READY);

		// the customer answered: the agent ready now is claimed and named to the applet
		this.mvc.perform(connectApplet(first))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.destination.numbers[0]").value("sip:" + agent + "@agents.dues.invalid"))
			.andExpect(jsonPath("$.destination.numbers.length()").value(1))
			.andExpect(jsonPath("$.outgoing_phone_number").value("08047112345"))
			.andExpect(jsonPath("$.record").value(true))
			.andExpect(jsonPath("$.fetch_after_attempt").value(false))
			.andExpect(jsonPath("$.start_call_playback.type").value("text"))
			.andExpect(jsonPath("$.start_call_playback.value").isNotEmpty());
		assertThat(this.states.current(agent).state()).isEqualTo(AgentState.ON_CALL);
		assertThat(this.dialer.calls().find(first.id()).claimedBy()).isEqualTo(agent);
		// Exotel's answered callback of the same answer changes nothing more; then the
		// agent's leg talks and the call ends with its recording
		callback(first, token, """
				{"CallSid": "%s", "EventType": "answered", "Status": "in-progress", "CustomField": "%s",
				 "Direction": "outbound-api", "From": "%s",
				 "Legs": [{"OnCallDuration": 0, "Status": "in-progress", "AnsweredBy": "NA"},
				          {"OnCallDuration": 0, "Status": "in-progress", "AnsweredBy": "NA"}]}""".formatted(sid(first),
				first.id(), first.number()));
		callback(first, token, """
				{"CallSid": "%s", "EventType": "terminal", "Status": "completed", "CustomField": "%s",
				 "DateCreated": "2026-11-26 11:30:00", "DateUpdated": "2026-11-26 11:32:00",
				 "Direction": "outbound-api", "From": "%s", "ConversationDuration": 95,
				 "RecordingUrl": "https://recordings.exotel.com/exotelrecordings/%s/%s.mp3",
				 "Legs": [{"OnCallDuration": 110, "Status": "completed", "AnsweredBy": "NA"},
				          {"OnCallDuration": 95, "Status": "completed", "AnsweredBy": "NA"}]}""".formatted(sid(first),
				first.id(), first.number(), SID, sid(first)));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.states.current(agent).state() == AgentState.WRAP_UP);
		DialerCalls.Dialled talked = this.dialer.calls().find(first.id());
		assertThat(talked.bridgedAt()).isNotNull();
		assertThat(talked.amd()).isEqualTo("HUMAN");
		assertThat(result(first.id())).isEqualTo("CONVERSATION");

		// the next customer answers while the agent is on a break: two seconds, then
		// nobody to dial, and the flow plays the message identifying the caller
		this.clock.advance(Duration.ofMinutes(1));
		answerWith("c0ffee00000000000000000000e23002");
		this.states.change(agent, AgentState.READY, null);
		this.dialer.tick();
		DialerCalls.Dialled second = latest(campaign.id());
		assertThat(second.accountId()).isEqualTo(accounts.get(1).id().value());
		this.states.change(agent, AgentState.BREAK, null);
		long asked = System.nanoTime();
		this.mvc.perform(connectApplet(second))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.destination.numbers.length()").value(0))
			.andExpect(jsonPath("$.record").value(false));
		assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(Duration.ofMillis(1900))
			.isLessThan(Duration.ofSeconds(4));
		assertThat(this.dialer.calls().find(second.id()).abandonedAt()).isNotNull();
		this.mvc.perform(head("/webhooks/telephony/exotel/dialer/message").param("token", FLOW_TOKEN))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/plain"));
		byte[] message = this.mvc
			.perform(get("/webhooks/telephony/exotel/dialer/message").param("token", FLOW_TOKEN)
				.param("CallSid", sid(second))
				.param("From", second.number())
				.param("To", "08047112345")
				.param("CustomField", second.id().toString()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/plain"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(message, StandardCharsets.UTF_8)).as("in the customer's language, Malayalam")
			.startsWith("ഇത് Dues Collections")
			.contains("0 8 0 4 7 1 1 2 3 4 5");
		String token2 = token(second.id());
		callback(second, token2, """
				{"CallSid": "%s", "EventType": "terminal", "Status": "completed", "CustomField": "%s",
				 "Direction": "outbound-api", "From": "%s", "ConversationDuration": 0, "RecordingUrl": null,
				 "Legs": [{"OnCallDuration": 14, "Status": "completed", "AnsweredBy": "NA"}]}""".formatted(sid(second),
				second.id(), second.number()));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "ABANDONED".equals(lastOutcome(campaign.id(), accounts.get(1))));
		DialerCalls.Dialled dropped = this.dialer.calls().find(second.id());
		assertThat(dropped.claimedBy()).isNull();
		assertThat(dropped.bridgedAt()).isNull();
		assertThat(result(second.id())).isEqualTo("ANSWERED_DROPPED");
		assertThat(this.states.current(agent).state()).isEqualTo(AgentState.BREAK);
		// the dialer's next turn takes the abandon into the windows and the 72 hours
		this.dialer.tick();
		CampaignRun run = this.dialer.run(campaign.id());
		assertThat(run.history.abandons()).isEqualTo(1);
		assertThat(run.history.liveAnswers()).isEqualTo(2);
		assertThat(run.abandoned.abandonedWithinQuiet(PhoneNumber.parse(second.number(), "IN"), this.clock.instant()))
			.isPresent();

		// a callback for no call of ours is recorded and ignored; one without the call's
		// token is refused and recorded
		long unknown = outcomes("UNKNOWN_CALL");
		this.mvc
			.perform(post("/webhooks/telephony/exotel/status?call=" + UUID.randomUUID() + "&token=" + token2)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"CallSid\": \"nobody\", \"EventType\": \"terminal\", \"Status\": \"completed\"}"))
			.andExpect(status().isOk());
		assertThat(outcomes("UNKNOWN_CALL")).isEqualTo(unknown + 1);
		this.mvc
			.perform(post("/webhooks/telephony/exotel/status?call=" + second.id() + "&token=" + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"CallSid\": \"" + sid(second) + "\", \"EventType\": \"terminal\", \"Status\": \"busy\"}"))
			.andExpect(status().isUnauthorized());
		assertThat(outcomes("REFUSED")).isEqualTo(refused + 2);
		assertThat(result(second.id())).isEqualTo("ANSWERED_DROPPED");
		// the Connect applet asking for a call that is no campaign's names nobody
		this.mvc
			.perform(get("/webhooks/telephony/exotel/dialer").param("token", FLOW_TOKEN)
				.param("CallSid", "not-ours")
				.param("CallFrom", "09847012345"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.destination.numbers.length()").value(0));
		assertThat(outcomes("UNKNOWN_CALL")).isEqualTo(unknown + 2);
	}

	/** The Connect applet's GET, as Exotel makes it once the customer answered. */
	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder connectApplet(
			DialerCalls.Dialled call) {
		return get("/webhooks/telephony/exotel/dialer").header("Exotel-Version", "1.0")
			.param("token", FLOW_TOKEN)
			.param("CallSid", sid(call))
			.param("CallFrom", "0" + call.number().substring(3))
			.param("CallTo", "08047112345")
			.param("Direction", "outbound-api")
			.param("Created", "2026-11-26 11:30:00")
			.param("CustomField", call.id().toString())
			.param("flow_id", "512345");
	}

	private void callback(DialerCalls.Dialled call, String token, String json) throws Exception {
		this.mvc
			.perform(post("/webhooks/telephony/exotel/status?call=" + call.id() + "&token=" + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isOk());
	}

	private static void answerWith(String sid) {
		exotel.resetAll();
		exotel.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo(CONNECT))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"Call": {"Sid": "%s", "ParentCallSid": null, "DateCreated": "2026-11-26 11:30:00",
					 "DateUpdated": "2026-11-26 11:30:00", "AccountSid": "%s", "To": null,
					 "From": "09847012345", "PhoneNumberSid": "08047112345", "Status": "in-progress",
					 "StartTime": "2026-11-26 11:30:00", "EndTime": null, "Duration": null, "Price": null,
					 "Direction": "outbound-api", "AnsweredBy": null,
					 "Uri": "/v1/Accounts/%s/Calls/%s.json"}}""".formatted(sid, SID, SID, sid))));
	}

	private String sid(DialerCalls.Dialled call) {
		return this.jdbc.sql("SELECT provider_call_id FROM telephony_calls WHERE id = ?")
			.param(call.id())
			.query(String.class)
			.single();
	}

	private String token(UUID call) {
		return this.jdbc.sql("SELECT callback_token FROM telephony_calls WHERE id = ?")
			.param(call)
			.query(String.class)
			.single();
	}

	private long outcomes(String outcome) {
		return this.jdbc.sql("SELECT count(*) FROM telephony_call_events WHERE provider = 'exotel' AND outcome = ?")
			.param(outcome)
			.query(Long.class)
			.single();
	}

	private DialerCalls.Dialled latest(long campaign) {
		List<DialerCalls.Dialled> open = this.dialer.calls().open(campaign);
		assertThat(open).as("a call placed").isNotEmpty();
		return open.get(open.size() - 1);
	}

	private String lastOutcome(long campaign, AccountView account) {
		return this.jdbc.sql("""
				SELECT last_outcome FROM telephony_campaign_accounts WHERE campaign_id = ? AND account_id = ?""")
			.params(campaign, account.id().value())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String result(UUID call) {
		return this.jdbc.sql("""
				SELECT i.result FROM telephony_calls c JOIN contact_interactions i ON i.id = c.interaction_id
				WHERE c.id = ?""").param(call).query(String.class).single();
	}

}

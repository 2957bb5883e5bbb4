package org.dues.telephony;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.customer.CustomerManagement;
import org.dues.identity.Teams;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A campaign on Twilio Voice, Twilio played by WireMock and its callbacks replayed as
 * Twilio documents them, each signed with {@code X-Twilio-Signature}: the dialer places
 * the customer's leg alone (machine detection on), and the TwiML Twilio asks for once a
 * person answered bridges the ready agent found at that moment ({@code <Dial><Sip>}), or,
 * with nobody free within two seconds, plays the message identifying the caller and hangs
 * up (an abandon, answered and dropped on the timeline). An Indian number, which Exotel
 * would call agent first when no campaign flow is set (as here), is left to preview.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class TwilioCampaignTests {

	static final String SID = "AC00000000000000000000000000000023";

	static final String TOKEN = "twilio-campaign-token";

	static final String PUBLIC = "https://dues.example.com";

	static final String CALLS = "/2010-04-01/Accounts/" + SID + "/Calls.json";

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("dues.telephony.twilio.account-sid", () -> SID);
		registry.add("dues.telephony.twilio.auth-token", () -> TOKEN);
		registry.add("dues.telephony.twilio.caller-id", () -> "+15017122661");
		registry.add("dues.telephony.twilio.base-url", twilio::baseUrl);
		registry.add("dues.telephony.exotel.sid", () -> "dues23");
		registry.add("dues.telephony.exotel.api-key", () -> "key");
		registry.add("dues.telephony.exotel.api-token", () -> "token");
		registry.add("dues.telephony.exotel.caller-id", () -> "08047112345");
		registry.add("dues.telephony.exotel.base-url", twilio::baseUrl);
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
	CustomerManagement customers;

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
	void theCustomerIsCalledFirstAndBridgedToTheReadyAgentOrHearsWhoCalledWhenNobodyIsFree() throws Exception {
		// 11:00 in New York: within the customers' calling hours
		this.clock.set(Instant.parse("2026-11-26T16:00:00Z"));
		CreditorView issuer = this.portfolios.usIssuer();
		CreditorView nbfc = this.portfolios.indianNbfc();
		// certified, so that the Indian account is reserved for the campaign too
		String agent = this.agents.certifiedAgent("twilio-dial-agent", "Twilio Dial Agent", "secret-twilio-dial",
				"RA-TWILIO-23", java.time.LocalDate.of(2027, 12, 31), "en", "hi");
		Teams.TeamView team = this.teams.create("Twilio dialer team", null);
		this.teams.addMember(team.id(), agent);
		List<AccountView> us = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			AccountView account = this.portfolios.overdue(issuer, 400 + i, "900.00");
			this.customers.consentToAutodial(account.customerId(), this.portfolios.firstPhone(account), true);
			us.add(account);
		}
		AccountView indian = this.portfolios.overdue(nbfc, 500, "9000.00");
		Queues.QueueView queue = this.queues.define(team.id(), "Twilio dialled",
				new QueueFilters(List.of(issuer.code(), nbfc.code()), List.of(), 390, null, null, null, List.of(),
						List.of(), List.of(), List.of()),
				QueueSort.DPD_DESC, 50, "tester");
		CampaignView.Retry never = new CampaignView.Retry(10000, 1);
		CampaignView campaign = this.campaigns.create(
				new NewCampaign("Twilio campaign", queue.id(), "PROGRESSIVE", "00:00", "23:59", "America/New_York",
						BigDecimal.ONE, 30, new CampaignView.Retries(never, never, never), List.of(), List.of(agent)),
				"tester");
		this.started.add(campaign.id());
		this.campaigns.run(campaign.id(), true);

		// the Indian account (Exotel calls the agent first) is left to preview; the US
		// account longest overdue is called, the customer's leg alone
		answerWith("CA0000000000000000000000000000c001");
		this.states.change(agent, AgentState.READY, null);
		this.dialer.tick();
		assertThat(outcome(campaign.id(), indian)).isEqualTo("PREVIEW");
		DialerCalls.Dialled first = latest(campaign.id());
		assertThat(first.accountId()).isEqualTo(us.get(1).id().value());
		String query = "?call=" + first.id();
		twilio.verify(postRequestedFor(urlEqualTo(CALLS))
			.withRequestBody(containing("To=" + enc(this.portfolios.firstPhone(us.get(1)))))
			.withRequestBody(containing("From=%2B15017122661"))
			.withRequestBody(containing("MachineDetection=Enable"))
			.withRequestBody(containing("Url=" + enc(PUBLIC + "/webhooks/telephony/twilio/answer" + query)))
			.withRequestBody(
					containing("StatusCallback=" + enc(PUBLIC + "/webhooks/telephony/twilio/status" + query))));
		assertThat(twilio.findAll(postRequestedFor(urlEqualTo("/v1/Accounts/dues23/Calls/connect.json")))).isEmpty();

		callback("status" + query, fields(first, "ringing"));
		// unsigned, the TwiML request is refused and decides nothing
		this.mvc
			.perform(form(post("/webhooks/telephony/twilio/answer" + query),
					fields(first, "in-progress", "AnsweredBy", "human")))
			.andExpect(status().isUnauthorized());
		assertThat(this.states.current(agent).state()).isEqualTo(AgentState.READY);

		String bridge = callback("answer" + query, fields(first, "in-progress", "AnsweredBy", "human"));
		assertThat(bridge)
			.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>This call is being recorded")
			.contains("<Dial callerId=\"+15017122661\"><Sip statusCallbackEvent=\"answered\" statusCallback=\"" + PUBLIC
					+ "/webhooks/telephony/twilio/status" + query + "&amp;leg=agent\"")
			.endsWith(">sip:" + agent + "@agents.dues.invalid</Sip></Dial></Response>");
		assertThat(this.states.current(agent).state()).isEqualTo(AgentState.ON_CALL);
		callback("status" + query + "&leg=agent", fields("CA0000000000000000000000000000a001", "in-progress",
				"ParentCallSid", "CA0000000000000000000000000000c001"));
		callback("status" + query, fields(first, "completed", "CallDuration", "95"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.states.current(agent).state() == AgentState.WRAP_UP);
		DialerCalls.Dialled talked = this.dialer.calls().find(first.id());
		assertThat(talked.claimedBy()).isEqualTo(agent);
		assertThat(talked.bridgedAt()).isNotNull();
		assertThat(result(first.id())).isEqualTo("CONVERSATION");

		// the next call is answered while the agent is on a break: two seconds, then the
		// message identifying the caller
		this.clock.advance(Duration.ofMinutes(1));
		answerWith("CA0000000000000000000000000000c002");
		this.states.change(agent, AgentState.READY, null);
		this.dialer.tick();
		DialerCalls.Dialled second = latest(campaign.id());
		assertThat(second.accountId()).isEqualTo(us.get(0).id().value());
		this.states.change(agent, AgentState.BREAK, null);
		String query2 = "?call=" + second.id();
		long asked = System.nanoTime();
		String abandon = callback("answer" + query2, fields(second, "in-progress", "AnsweredBy", "human"));
		assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(Duration.ofMillis(1900))
			.isLessThan(Duration.ofSeconds(4));
		assertThat(abandon)
			.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>This call is being recorded")
			.contains("<Say language=\"en-US\">This is a call from Dues Collections.")
			.contains("Please call us back on 1 5 0 1 7 1 2 2 6 6 1.")
			.doesNotContain("<Dial")
			.endsWith("</Say><Hangup/></Response>");
		callback("status" + query2, fields(second, "completed", "CallDuration", "9"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.dialer.calls().find(second.id()).endedAt() != null);
		DialerCalls.Dialled dropped = this.dialer.calls().find(second.id());
		assertThat(dropped.claimedBy()).isNull();
		assertThat(dropped.abandonedAt()).isNotNull();
		assertThat(dropped.bridgedAt()).isNull();
		assertThat(result(second.id())).isEqualTo("ANSWERED_DROPPED");
		assertThat(this.states.current(agent).state()).isEqualTo(AgentState.BREAK);
	}

	private static void answerWith(String sid) {
		twilio.resetAll();
		twilio.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo(CALLS))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("""
						{"sid": "%s", "account_sid": "%s", "status": "queued", "direction": "outbound-api"}"""
					.formatted(sid, SID))));
	}

	/** A signed callback, as Twilio posts it; answers the body. */
	private String callback(String pathAndQuery, Map<String, String> params) throws Exception {
		String path = "/webhooks/telephony/twilio/" + pathAndQuery;
		return this.mvc.perform(form(post(path), params).header("X-Twilio-Signature", sign(PUBLIC + path, params)))
			.andExpect(status().is2xxSuccessful())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request,
			Map<String, String> params) {
		request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		params.forEach(request::param);
		return request;
	}

	private Map<String, String> fields(DialerCalls.Dialled call, String status, String... more) {
		String sid = this.jdbc.sql("SELECT provider_call_id FROM telephony_calls WHERE id = ?")
			.param(call.id())
			.query(String.class)
			.single();
		Map<String, String> params = fields(sid, status, more);
		params.put("To", call.number());
		return params;
	}

	private static Map<String, String> fields(String callSid, String status, String... more) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("AccountSid", SID);
		params.put("ApiVersion", "2010-04-01");
		params.put("CallSid", callSid);
		params.put("CallStatus", status);
		params.put("Direction", "outbound-api");
		params.put("From", "+15017122661");
		for (int i = 0; i < more.length; i += 2) {
			params.put(more[i], more[i + 1]);
		}
		return params;
	}

	/** Twilio's signature, computed apart from the code under test. */
	private static String sign(String url, Map<String, String> params) throws Exception {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private DialerCalls.Dialled latest(long campaign) {
		List<DialerCalls.Dialled> open = this.dialer.calls().open(campaign);
		assertThat(open).as("a call placed").isNotEmpty();
		return open.get(open.size() - 1);
	}

	private String outcome(long campaign, AccountView account) {
		return this.jdbc.sql("""
				SELECT last_outcome FROM telephony_campaign_accounts WHERE campaign_id = ? AND account_id = ?""")
			.params(campaign, account.id().value())
			.query(String.class)
			.single();
	}

	private String result(UUID call) {
		return this.jdbc.sql("""
				SELECT i.result FROM telephony_calls c JOIN contact_interactions i ON i.id = c.interaction_id
				WHERE c.id = ?""").param(call).query(String.class).single();
	}

}

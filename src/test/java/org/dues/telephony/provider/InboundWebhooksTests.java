package org.dues.telephony.provider;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.contact.OutboundContacts;
import org.dues.portfolio.AccountView;
import org.dues.telephony.AgentState;
import org.dues.telephony.AgentStateView;
import org.dues.telephony.AgentStates;
import org.dues.telephony.CallEvents;
import org.dues.telephony.CallView;
import org.dues.telephony.CallbackAddress;
import org.dues.telephony.Calling;
import org.dues.telephony.InboundCalls;
import org.dues.telephony.Recordings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The providers' incoming-call requests as they document them: Twilio's Voice URL request
 * signed with {@code X-Twilio-Signature} (401 and recorded without it) answered with
 * TwiML; Exotel's Connect applet dynamic URL (a GET with the call's details) answered
 * with the applet's JSON, and its Passthru at the end bringing the recording.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class InboundWebhooksTests {

	static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

	static final String PUBLIC = "https://dues.example.com";

	static final String INBOUND_TOKEN = "flow-secret-of-tests";

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	OutboundContacts outbound;

	@Autowired
	CallEvents events;

	@Autowired
	InboundCalls inbound;

	@Autowired
	AgentStates states;

	@Autowired
	Recordings recordings;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	MockMvc twilio;

	MockMvc exotel;

	Calling calling;

	@BeforeEach
	void providers() {
		this.clock.set(MONDAY);
		this.calling = new Calling(this.portfolios, this.outbound, this.jdbc, this.clock);
		for (AgentStateView state : this.states.all()) {
			if (state.state() != AgentState.OFFLINE) {
				this.states.change(state.username(), AgentState.OFFLINE, null);
			}
		}
		this.twilio = MockMvcBuilders
			.standaloneSetup(new TwilioInboundWebhooks(TwilioVoiceTests.properties("http://127.0.0.1:9"),
					new CallbackAddress(PUBLIC, 8080), this.events, this.inbound, this.messages))
			.build();
		this.exotel = MockMvcBuilders
			.standaloneSetup(new ExotelInboundWebhooks(ExotelVoiceTests.properties("http://127.0.0.1:9"), INBOUND_TOKEN,
					this.events, this.inbound))
			.build();
	}

	int refused(String provider) {
		return this.jdbc.sql("SELECT count(*) FROM telephony_call_events WHERE provider = ? AND outcome = 'REFUSED'")
			.param(provider)
			.query(Integer.class)
			.single();
	}

	/** Twilio's Voice URL request for an incoming call, as it documents it. */
	static Map<String, String> voiceRequest(String callSid, String from) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("AccountSid", TwilioVoiceTests.SID);
		params.put("ApiVersion", "2010-04-01");
		params.put("CallSid", callSid);
		params.put("CallStatus", "ringing");
		params.put("Direction", "inbound");
		params.put("From", from);
		params.put("To", "+15017122661");
		params.put("Caller", from);
		params.put("Called", "+15017122661");
		params.put("FromCountry", "US");
		return params;
	}

	MockHttpServletRequestBuilder signed(String path, Map<String, String> params, String signedUrl) throws Exception {
		MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Twilio-Signature", VoiceWebhooksTests.sign(signedUrl, params));
		params.forEach(request::param);
		return request;
	}

	@Test
	void twiliosIncomingCallIsTakenOnlyWithItsSignature() throws Exception {
		String phone = "+1212555" + (1000 + (int) (Math.random() * 8999));
		this.calling.speaking(this.portfolios.usIssuer(), "en", "CA", phone);
		int before = refused("twilio");
		String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
		Map<String, String> params = voiceRequest(sid, phone);
		MockHttpServletRequestBuilder forged = post(TwilioInboundWebhooks.INCOMING)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Twilio-Signature", VoiceWebhooksTests.sign(PUBLIC + TwilioInboundWebhooks.INCOMING,
					voiceRequest(sid, "+12125550000")));
		params.forEach(forged::param);

		this.twilio.perform(forged).andExpect(status().isUnauthorized());
		assertThat(refused("twilio")).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM telephony_calls WHERE provider_call_id = ?")
			.param(sid)
			.query(Integer.class)
			.single()).isZero();

		// signed: no agent ready, the caller hears the disclosure and their place
		String twiml = this.twilio
			.perform(signed(TwilioInboundWebhooks.INCOMING, params, PUBLIC + TwilioInboundWebhooks.INCOMING))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(twiml).contains("<Say language=\"en-US\">This call is being recorded. If you do not agree")
			.contains("You are number 1 in the queue")
			.contains("<Redirect method=\"POST\">" + PUBLIC + TwilioInboundWebhooks.WAIT + "?call=");
		UUID callId = this.jdbc.sql("SELECT id FROM telephony_calls WHERE provider = 'twilio' AND provider_call_id = ?")
			.param(sid)
			.query(UUID.class)
			.single();

		// an agent is ready: the next ask connects the caller to them, recorded
		this.agents.pooledAgent("twilio-in", "agent-secret", "en");
		this.states.change("twilio-in", AgentState.READY, null);
		String wait = TwilioInboundWebhooks.WAIT + "?call=" + callId;
		Map<String, String> again = new LinkedHashMap<>(params);
		again.put("CallStatus", "in-progress");
		this.twilio.perform(signed(wait, again, PUBLIC + wait))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<Dial record=\"record-from-answer-dual\"")))
			.andExpect(content().string(containsString("<Sip statusCallbackEvent=\"answered\"")))
			.andExpect(content().string(containsString("sip:twilio-in@")));
		assertThat(this.inbound.arrival(callId).agent()).isEqualTo("twilio-in");
	}

	@Test
	void exotelsConnectAppletRequestIsAnsweredWithTheAgentAndThePassthruBringsTheRecording() throws Exception {
		String national = "09447" + (100000 + (int) (Math.random() * 899999));
		String e164 = "+91" + national.substring(1);
		AccountView account = this.calling.speaking(this.portfolios.indianNbfc(), "hi", "DL", e164);
		this.agents.pooledAgent("exotel-in", "agent-secret", "hi");
		this.states.change("exotel-in", AgentState.READY, null);
		String sid = "b6cfaf0" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		int before = refused("exotel");

		// without the flow's token: refused and recorded
		this.exotel.perform(get(ExotelInboundWebhooks.INCOMING).param("CallSid", sid).param("CallFrom", national))
			.andExpect(status().isUnauthorized());
		assertThat(refused("exotel")).isEqualTo(before + 1);

		// the Connect applet's GET as Exotel documents it
		this.exotel
			.perform(get(ExotelInboundWebhooks.INCOMING).header("Exotel-Version", "1.0")
				.param("token", INBOUND_TOKEN)
				.param("CallSid", sid)
				.param("CallFrom", national)
				.param("CallTo", "08047112345")
				.param("Direction", "incoming")
				.param("Created", "Mon, 30 Nov 2026 20:30:00")
				.param("DialCallDuration", "0")
				.param("StartTime", "2026-11-30 20:30:00")
				.param("EndTime", "1970-01-01 05:30:00")
				.param("CallType", "call-attempt")
				.param("flow_id", "228144")
				.param("tenant_id", "67291")
				.param("CustomField", ""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fetch_after_attempt").value(false))
			.andExpect(jsonPath("$.destination.numbers[0]").value(org.hamcrest.Matchers.startsWith("sip:exotel-in@")))
			.andExpect(jsonPath("$.outgoing_phone_number").value("08047112345"))
			.andExpect(jsonPath("$.record").value(true))
			.andExpect(jsonPath("$.recording_channels").value("dual"))
			.andExpect(jsonPath("$.start_call_playback.playback_to").value("both"))
			.andExpect(jsonPath("$.start_call_playback.value").value(containsString("रिकॉर्ड")));
		CallView call = this.jdbc
			.sql("SELECT id FROM telephony_calls WHERE provider = 'exotel' AND provider_call_id = ?")
			.param(sid)
			.query(UUID.class)
			.optional()
			.map(this.events::find)
			.orElseThrow();
		assertThat(call.accountId()).isEqualTo(account.id().value());
		assertThat(call.customerNumber()).isEqualTo(e164);

		// the Passthru after it: talked 95 s, recorded
		this.exotel
			.perform(get(ExotelInboundWebhooks.ENDED).param("token", INBOUND_TOKEN)
				.param("CallSid", sid)
				.param("DialCallStatus", "completed")
				.param("DialCallDuration", "95")
				.param("RecordingUrl", "https://recordings.exotel.com/exotelrecordings/dues/" + sid + ".mp3"))
			.andExpect(status().isOk());
		CallView ended = this.events.find(call.id());
		assertThat(ended.status()).isEqualTo("ENDED");
		assertThat(this.recordings.ofAccount(account.id(), null)).singleElement().satisfies((r) -> {
			assertThat(r.callId()).isEqualTo(call.id());
			assertThat(r.seconds()).isEqualTo(95);
			assertThat(r.direction()).isEqualTo("INBOUND");
			assertThat(r.agent()).isEqualTo("exotel-in");
			assertThat(r.interactionId()).isEqualTo(ended.interactionId());
		});
		assertThat(this.states.current("exotel-in").state()).isEqualTo(AgentState.WRAP_UP);
	}

}

package org.dues.telephony.provider;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.ContactResult;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.contact.ContactLog;
import org.dues.contact.InteractionView;
import org.dues.contact.OutboundContacts;
import org.dues.portfolio.AccountView;
import org.dues.telephony.CallEvents;
import org.dues.telephony.CallView;
import org.dues.telephony.CallbackAddress;
import org.dues.telephony.DialerAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Twilio Voice's and Exotel's callbacks as they document them, into the one intake on the
 * real database: signatures and tokens checked (401 and recorded otherwise), each event
 * taken once, a call of no one recorded and ignored, and an ended call's result on the
 * account's timeline.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class VoiceWebhooksTests {

	/** Monday 30 November 2026, 10:00 in New York: the gate allows a call. */
	static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

	static final String PUBLIC = "https://dues.example.com";

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	OutboundContacts outbound;

	@Autowired
	ContactLog contacts;

	@Autowired
	CallEvents events;

	@Autowired
	DialerAnswers dialerAnswers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	MockMvc twilio;

	MockMvc exotel;

	@BeforeEach
	void providers() {
		this.agents.pooledAgent("voice-agent", "agent-secret");
		this.clock.set(MONDAY);
		this.twilio = MockMvcBuilders
			.standaloneSetup(new TwilioVoiceWebhooks(TwilioVoiceTests.properties("http://127.0.0.1:9"),
					new CallbackAddress(PUBLIC, 8080), this.events, this.dialerAnswers))
			.build();
		this.exotel = MockMvcBuilders
			.standaloneSetup(new ExotelVoiceWebhooks(ExotelVoiceTests.properties("http://127.0.0.1:9"), this.events))
			.build();
	}

	/** A call the gate cleared, kept as placed through the provider with its id. */
	CallView placed(String provider, String providerCallId, String token, String disclosure) {
		AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 45, "2500.00");
		String number = this.portfolios.firstPhone(account);
		OutboundContacts.Clearance clearance = this.outbound.clear(new ContactGate.Request(account.id(), Set.of(),
				Channel.CALL, number, PersonRole.CONSUMER, Purpose.COLLECTION), "call", "voice-agent");
		assertThat(clearance.allowed()).isTrue();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO telephony_calls (id, provider, provider_call_id, account_id, interaction_id,
				    customer_number, agent, agent_number, caller_id, direction, status, recorded, disclosure,
				    callback_token, created_at)
				VALUES (?, ?, ?, ?, ?, ?, 'voice-agent', '+12025550199', '+15017122661', 'OUTBOUND', 'PLACED', ?,
				    ?, ?, ?)""")
			.params(id, provider, providerCallId, account.id().value(), clearance.attempt().interaction().id(), number,
					disclosure != null, disclosure, token, java.sql.Timestamp.from(MONDAY))
			.update();
		return this.events.find(id);
	}

	InteractionView interaction(CallView call) {
		return this.contacts.timeline(new org.dues.portfolio.AccountId(call.accountId()), 20)
			.stream()
			.filter((i) -> i.id().equals(call.interactionId()))
			.findFirst()
			.orElseThrow();
	}

	int events(String provider, String outcome) {
		return this.jdbc.sql("SELECT count(*) FROM telephony_call_events WHERE provider = ? AND outcome = ?")
			.params(provider, outcome)
			.query(Integer.class)
			.single();
	}

	/** The signature, computed apart from the code under test, as Twilio documents it. */
	static String sign(String url, Map<String, String> params) throws Exception {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(TwilioVoiceTests.TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
	}

	static MockHttpServletRequestBuilder signed(String pathAndQuery, Map<String, String> params) throws Exception {
		MockHttpServletRequestBuilder request = post(pathAndQuery).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Twilio-Signature", sign(PUBLIC + pathAndQuery, params));
		params.forEach(request::param);
		return request;
	}

	static Map<String, String> twilioStatus(String callSid, String callStatus, String... more) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("AccountSid", TwilioVoiceTests.SID);
		params.put("ApiVersion", "2010-04-01");
		params.put("CallSid", callSid);
		params.put("CallStatus", callStatus);
		params.put("Direction", "outbound-api");
		params.put("From", "+15017122661");
		params.put("To", "+12127361234");
		for (int i = 0; i < more.length; i += 2) {
			params.put(more[i], more[i + 1]);
		}
		return params;
	}

	@Test
	void aTwilioCallRingsIsAnsweredHearsTheDisclosureIsBridgedEndsAndIsOnTheTimeline() throws Exception {
		CallView call = placed("twilio", "CA100", "unused", "This call is recorded & monitored.");
		String query = "?call=" + call.id();

		this.twilio
			.perform(signed("/webhooks/telephony/twilio/status" + query,
					twilioStatus("CA100", "ringing", "SequenceNumber", "1")))
			.andExpect(status().isNoContent());
		assertThat(this.events.find(call.id()).status()).isEqualTo("RINGING");

		this.twilio
			.perform(signed("/webhooks/telephony/twilio/answer" + query,
					twilioStatus("CA100", "in-progress", "AnsweredBy", "human")))
			.andExpect(status().isOk())
			.andExpect(content().string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
					+ "<Say>This call is recorded &amp; monitored.</Say><Dial callerId=\"+15017122661\">"
					+ "<Number statusCallbackEvent=\"answered\" statusCallback=\"" + PUBLIC
					+ "/webhooks/telephony/twilio/status?call=" + call.id()
					+ "&amp;leg=agent\" statusCallbackMethod=\"POST\">" + "+12025550199</Number></Dial></Response>"));
		assertThat(this.events.find(call.id()).amdResult()).isEqualTo("HUMAN");

		this.twilio
			.perform(signed("/webhooks/telephony/twilio/status" + query + "&leg=agent",
					twilioStatus("CA200", "in-progress", "ParentCallSid", "CA100")))
			.andExpect(status().isNoContent());
		assertThat(this.events.find(call.id()).status()).isEqualTo("BRIDGED");

		this.twilio
			.perform(signed("/webhooks/telephony/twilio/status" + query,
					twilioStatus("CA100", "completed", "CallDuration", "95")))
			.andExpect(status().isNoContent());
		this.twilio
			.perform(signed("/webhooks/telephony/twilio/recording" + query,
					Map.of("AccountSid", TwilioVoiceTests.SID, "CallSid", "CA100", "RecordingSid", "RE100",
							"RecordingStatus", "completed", "RecordingUrl",
							"https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE100", "RecordingDuration", "90",
							"RecordingChannels", "2", "RecordingSource", "OutboundAPI")))
			.andExpect(status().isNoContent());

		CallView ended = this.events.find(call.id());
		assertThat(ended.status()).isEqualTo("ENDED");
		assertThat(ended.endCause()).isEqualTo(org.dues.telephony.CallEvent.EndCause.COMPLETED);
		assertThat(ended.recordingUrl()).isEqualTo("https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE100");
		assertThat(ended.recordingSeconds()).isEqualTo(90);
		assertThat(interaction(call).result()).isEqualTo(ContactResult.CONVERSATION);
	}

	@Test
	void aMachineIsHungUpOnAndTheAttemptIsAVoicemail() throws Exception {
		CallView call = placed("twilio", "CA300", "unused", null);
		String query = "?call=" + call.id();

		this.twilio
			.perform(signed("/webhooks/telephony/twilio/answer" + query,
					twilioStatus("CA300", "in-progress", "AnsweredBy", "machine_start")))
			.andExpect(status().isOk())
			.andExpect(content().string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>"));
		this.twilio.perform(signed("/webhooks/telephony/twilio/status" + query, twilioStatus("CA300", "completed")))
			.andExpect(status().isNoContent());

		assertThat(this.events.find(call.id()).amdResult()).isEqualTo("MACHINE");
		assertThat(interaction(call).result()).isEqualTo(ContactResult.VOICEMAIL);
	}

	@Test
	void aBadOrMissingSignatureIs401AndRecordedAndChangesNothing() throws Exception {
		CallView call = placed("twilio", "CA400", "unused", null);
		int refused = events("twilio", "REFUSED");
		Map<String, String> params = twilioStatus("CA400", "busy");
		MockHttpServletRequestBuilder forged = post("/webhooks/telephony/twilio/status?call=" + call.id())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Twilio-Signature", sign(PUBLIC + "/webhooks/telephony/twilio/status?call=" + call.id(),
					twilioStatus("CA400", "completed")));
		params.forEach(forged::param);

		this.twilio.perform(forged).andExpect(status().isUnauthorized());
		MockHttpServletRequestBuilder unsigned = post("/webhooks/telephony/twilio/status?call=" + call.id())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		params.forEach(unsigned::param);
		this.twilio.perform(unsigned).andExpect(status().isUnauthorized());

		assertThat(events("twilio", "REFUSED")).isEqualTo(refused + 2);
		assertThat(this.events.find(call.id()).status()).isEqualTo("PLACED");
		assertThat(interaction(call).result()).isNull();
	}

	@Test
	void aRepeatedCallbackIsTakenOnceAndAnUnknownCallSidIsRecordedAndIgnored() throws Exception {
		CallView call = placed("twilio", "CA500", "unused", null);
		String path = "/webhooks/telephony/twilio/status?call=" + call.id();
		this.twilio.perform(signed(path, twilioStatus("CA500", "no-answer"))).andExpect(status().isNoContent());
		int repeats = events("twilio", "REPEAT");
		this.twilio.perform(signed(path, twilioStatus("CA500", "no-answer"))).andExpect(status().isNoContent());
		assertThat(events("twilio", "REPEAT")).isEqualTo(repeats + 1);
		assertThat(interaction(call).result()).isEqualTo(ContactResult.NO_ANSWER);

		int unknown = events("twilio", "UNKNOWN_CALL");
		this.twilio.perform(signed("/webhooks/telephony/twilio/status", twilioStatus("CA-of-no-one", "busy")))
			.andExpect(status().isNoContent());
		assertThat(events("twilio", "UNKNOWN_CALL")).isEqualTo(unknown + 1);
	}

	@Test
	void anExotelCallbackNeedsItsCallsTokenAndIsTakenOnce() throws Exception {
		CallView call = placed("exotel", "ex100", "5f2b0c2c1e0d6f0a4c1a4b6cfaf5ce1f", null);
		String terminal = """
				{"CallSid": "ex100", "EventType": "terminal", "Status": "completed",
				 "DateUpdated": "2026-11-30 15:31:20", "ConversationDuration": 61,
				 "RecordingUrl": "https://recordings.exotel.com/exotelrecordings/duesvoice1/ex100.mp3",
				 "Legs": [{"OnCallDuration": 70, "Status": "completed", "AnsweredBy": "NA"},
				          {"OnCallDuration": 61, "Status": "completed", "AnsweredBy": "HUMAN"}]}""";
		int refused = events("exotel", "REFUSED");

		this.exotel
			.perform(post("/webhooks/telephony/exotel/status?call=" + call.id() + "&token=0000")
				.contentType(MediaType.APPLICATION_JSON)
				.content(terminal))
			.andExpect(status().isUnauthorized());
		this.exotel
			.perform(post("/webhooks/telephony/exotel/status?call=" + call.id()).contentType(MediaType.APPLICATION_JSON)
				.content(terminal))
			.andExpect(status().isUnauthorized());
		assertThat(events("exotel", "REFUSED")).isEqualTo(refused + 2);
		assertThat(this.events.find(call.id()).status()).isEqualTo("PLACED");

		for (int i = 0; i < 2; i++) {
			this.exotel
				.perform(post("/webhooks/telephony/exotel/status?call=" + call.id()
						+ "&token=5f2b0c2c1e0d6f0a4c1a4b6cfaf5ce1f")
					.contentType(MediaType.APPLICATION_JSON)
					.content(terminal))
				.andExpect(status().isOk());
		}
		CallView ended = this.events.find(call.id());
		assertThat(ended.status()).isEqualTo("ENDED");
		assertThat(ended.recordingUrl())
			.isEqualTo("https://recordings.exotel.com/exotelrecordings/duesvoice1/ex100.mp3");
		assertThat(interaction(call).result()).isEqualTo(ContactResult.CONVERSATION);
		assertThat(this.jdbc
			.sql("SELECT kind FROM telephony_call_events WHERE call_id = ? AND outcome = 'TAKEN' ORDER BY id")
			.param(call.id())
			.query(String.class)
			.list()).isEqualTo(List.of("BRIDGED", "RECORDING", "ENDED"));

		int unknown = events("exotel", "UNKNOWN_CALL");
		this.exotel
			.perform(post("/webhooks/telephony/exotel/status?call=" + UUID.randomUUID() + "&token=whatever")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("CallSid", "ex-of-no-one")
				.param("Status", "busy"))
			.andExpect(status().isOk());
		assertThat(events("exotel", "UNKNOWN_CALL")).isEqualTo(unknown + 1);
	}

}

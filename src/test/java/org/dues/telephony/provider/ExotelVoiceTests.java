package org.dues.telephony.provider;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.dues.telephony.CallEvent;
import org.dues.telephony.CallRequest;
import org.dues.telephony.CallbackAddress;
import org.dues.telephony.TelephonyException;
import org.dues.telephony.TelephonyProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Exotel's call-connect API, played by WireMock with the requests and answers Exotel
 * documents, and its status callbacks read as documented.
 */
class ExotelVoiceTests {

	static final String SID = "duesvoice1";

	static final String CONNECT = "/v1/Accounts/" + SID + "/Calls/connect.json";

	@RegisterExtension
	static WireMockExtension exotel = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static TelephonyProperties properties(String baseUrl) {
		return new TelephonyProperties(
				new TelephonyProperties.Twilio(null, null, null, "https://api.twilio.com", Duration.ofSeconds(1),
						Duration.ofSeconds(1)),
				new TelephonyProperties.Exotel(SID, "exotel-key", "exotel-token", "08047112345", null, baseUrl,
						Duration.ofSeconds(2), Duration.ofSeconds(5)),
				new TelephonyProperties.Simulated(23, 0, "+15550100000"), 30, 3600);
	}

	ExotelVoice adapter() {
		return new ExotelVoice(properties(exotel.baseUrl()), new CallbackAddress("https://dues.example.com", 8080));
	}

	static CallRequest call(UUID id, String token, String disclosure) {
		return new CallRequest(id, token, "+919847012345", "+919900012345", "08047112345", true, disclosure, 30, 3600);
	}

	@Test
	void connectsTheAgentFirstThenTheCustomerWithTheCallsOwnTokenInTheCallback() {
		exotel.stubFor(post(urlEqualTo(CONNECT))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"Call": {"Sid": "b6cfaf5ce1ff2b0c2c1e0d6f0a4c1a4b", "ParentCallSid": null,
					 "DateCreated": "2026-11-30 15:30:00", "DateUpdated": "2026-11-30 15:30:00",
					 "AccountSid": "duesvoice1", "To": "09847012345", "From": "09900012345",
					 "PhoneNumberSid": "08047112345", "Status": "in-progress", "StartTime": "2026-11-30 15:30:00",
					 "EndTime": null, "Duration": null, "Price": null, "Direction": "outbound-api",
					 "AnsweredBy": null, "ForwardedFrom": null, "CallerName": null,
					 "Uri": "/v1/Accounts/duesvoice1/Calls/b6cfaf5ce1ff2b0c2c1e0d6f0a4c1a4b.json",
					 "RecordingUrl": null}}""")));
		UUID id = UUID.randomUUID();

		String sid = adapter().place(call(id, "0123456789abcdef0123456789abcdef", "यह कॉल रिकॉर्ड की जा रही है।"));

		assertThat(sid).isEqualTo("b6cfaf5ce1ff2b0c2c1e0d6f0a4c1a4b");
		exotel.verify(
				postRequestedFor(urlEqualTo(CONNECT)).withBasicAuth(new BasicCredentials("exotel-key", "exotel-token"))
					.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
					.withFormParam("From", equalTo("+919900012345"))
					.withFormParam("To", equalTo("+919847012345"))
					.withFormParam("CallerId", equalTo("08047112345"))
					.withFormParam("CallType", equalTo("trans"))
					.withFormParam("TimeOut", equalTo("30"))
					.withFormParam("TimeLimit", equalTo("3600"))
					.withFormParam("Record", equalTo("true"))
					.withFormParam("CustomField", equalTo(id.toString()))
					.withFormParam("StatusCallback",
							equalTo("https://dues.example.com/webhooks/telephony/exotel/status?call=" + id
									+ "&token=0123456789abcdef0123456789abcdef"))
					.withFormParam("StatusCallbackEvents[0]", equalTo("terminal"))
					.withFormParam("StatusCallbackEvents[1]", equalTo("answered"))
					.withFormParam("StatusCallbackContentType", equalTo("application/json")));
	}

	@Test
	void aRefusalCarriesExotelsMessage() {
		exotel.stubFor(post(urlEqualTo(CONNECT)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"RestException\": {\"Status\": 403, \"Message\": \"Not allowed to call this number\"}}")));

		assertThatExceptionOfType(TelephonyException.class)
			.isThrownBy(() -> adapter().place(call(UUID.randomUUID(), "t", null)))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse())
			.withMessageContaining("Not allowed to call this number");
	}

	@Test
	void theDocumentedTerminalCallbackIsABridgedCallThatEndedWithItsRecording() {
		var body = VoiceHttp.json("""
				{"CallSid": "b6cf", "EventType": "terminal", "DateCreated": "2026-11-30 15:30:00",
				 "DateUpdated": "2026-11-30 15:31:20", "Status": "completed", "To": "09847012345",
				 "From": "09900012345", "PhoneNumberSid": "08047112345", "StartTime": "2026-11-30 15:30:00",
				 "EndTime": "2026-11-30 15:31:20", "Direction": "outbound-api",
				 "RecordingUrl": "https://recordings.exotel.com/exotelrecordings/duesvoice1/b6cf.mp3",
				 "ConversationDuration": 32, "CustomField": "x",
				 "Legs": [{"OnCallDuration": 41, "Status": "completed", "AnsweredBy": "NA"},
				          {"OnCallDuration": 32, "Status": "completed", "AnsweredBy": "HUMAN"}]}""");

		assertThat(ExotelVoiceWebhooks.events("b6cf", "terminal", "completed", body)).containsExactly(
				new ExotelVoiceWebhooks.Keyed("b6cf:bridged", CallEvent.bridged()),
				new ExotelVoiceWebhooks.Keyed("b6cf:recording",
						CallEvent.recording("https://recordings.exotel.com/exotelrecordings/duesvoice1/b6cf.mp3", 32)),
				new ExotelVoiceWebhooks.Keyed("b6cf:ended", CallEvent.ended(CallEvent.EndCause.COMPLETED)));
	}

	@Test
	void answeredEventsRingTheCustomerThenBridgeAndTerminalStatusesEndIt() {
		var agentOnly = VoiceHttp.json("""
				{"CallSid": "c1", "EventType": "answered", "Status": "in-progress",
				 "Legs": [{"OnCallDuration": 0, "Status": "in-progress", "AnsweredBy": "NA"}]}""");
		assertThat(ExotelVoiceWebhooks.events("c1", "answered", "in-progress", agentOnly))
			.containsExactly(new ExotelVoiceWebhooks.Keyed("c1:ringing", CallEvent.ringing()));

		var machine = VoiceHttp.json("""
				{"CallSid": "c1", "EventType": "answered", "Status": "in-progress",
				 "Legs": [{"Status": "in-progress"}, {"Status": "in-progress", "AnsweredBy": "MACHINE"}]}""");
		assertThat(ExotelVoiceWebhooks.events("c1", "answered", "in-progress", machine)).containsExactly(
				new ExotelVoiceWebhooks.Keyed("c1:answered", CallEvent.answeredByMachine()),
				new ExotelVoiceWebhooks.Keyed("c1:bridged", CallEvent.bridged()));

		var busy = VoiceHttp.json("""
				{"CallSid": "c2", "Status": "busy", "RecordingUrl": null, "DateUpdated": "2026-11-30 15:30:20"}""");
		assertThat(ExotelVoiceWebhooks.events("c2", null, "busy", busy))
			.containsExactly(new ExotelVoiceWebhooks.Keyed("c2:ended", CallEvent.ended(CallEvent.EndCause.BUSY)));
		assertThat(ExotelVoiceWebhooks.events("c2", null, "no-answer", busy))
			.containsExactly(new ExotelVoiceWebhooks.Keyed("c2:ended", CallEvent.ended(CallEvent.EndCause.NO_ANSWER)));
		assertThat(ExotelVoiceWebhooks.events("c2", null, "failed", busy))
			.containsExactly(new ExotelVoiceWebhooks.Keyed("c2:ended", CallEvent.ended(CallEvent.EndCause.FAILED)));
	}

	@Test
	void aCampaignsCallGoesToTheFlowOnlyWhenTheFlowAndItsSecretAreSet() {
		CallbackAddress address = new CallbackAddress("https://dues.example.com", 8080);
		TelephonyProperties properties = properties(exotel.baseUrl());
		assertThat(new ExotelVoice(properties, address).bridgesAtAnswer()).isFalse();
		assertThat(new ExotelVoice(properties, address, "512345", "").bridgesAtAnswer()).isFalse();
		assertThat(new ExotelVoice(properties, address, "", "secret").bridgesAtAnswer()).isFalse();
		assertThat(new ExotelVoice(properties, address, " 512345 ", "secret").bridgesAtAnswer()).isTrue();
		// without the flow, a dialer's call is refused before anything is asked of Exotel
		CallRequest dialer = new CallRequest(UUID.randomUUID(), "t", "+919847012345", "dialer:campaign-7",
				"08047112345", true, null, 30, 3600);
		assertThatExceptionOfType(TelephonyException.class)
			.isThrownBy(() -> new ExotelVoice(properties, address).placeToFlow(dialer))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse());
		assertThat(exotel.findAll(postRequestedFor(urlEqualTo(CONNECT)))).isEmpty();
	}

	@Test
	void aCampaignsCallConnectsTheCustomerToTheFlowAsExotelDocumentsIt() {
		exotel.stubFor(post(urlEqualTo(CONNECT))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"Call": {"Sid": "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", "ParentCallSid": null, "To": null,
					 "From": "09847012345", "PhoneNumberSid": "08047112345", "Status": "in-progress",
					 "Direction": "outbound-api", "AnsweredBy": null}}""")));
		UUID id = UUID.randomUUID();
		ExotelVoice adapter = new ExotelVoice(properties(exotel.baseUrl()),
				new CallbackAddress("https://dues.example.com", 8080), "512345", "secret");

		String sid = adapter.placeToFlow(new CallRequest(id, "00112233445566778899aabbccddeeff", "+919847012345",
				"dialer:campaign-7", "08047112345", true, "ഈ കോൾ റെക്കോർഡ് ചെയ്യുന്നു.", 25, 1800));

		assertThat(sid).isEqualTo("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6");
		exotel.verify(
				postRequestedFor(urlEqualTo(CONNECT)).withBasicAuth(new BasicCredentials("exotel-key", "exotel-token"))
					.withFormParam("From", equalTo("+919847012345"))
					.withFormParam("CallerId", equalTo("08047112345"))
					.withFormParam("Url", equalTo("http://my.exotel.com/" + SID + "/exoml/start_voice/512345"))
					.withFormParam("CallType", equalTo("trans"))
					.withFormParam("TimeOut", equalTo("25"))
					.withFormParam("TimeLimit", equalTo("1800"))
					.withFormParam("CustomField", equalTo(id.toString()))
					.withFormParam("StatusCallback",
							equalTo("https://dues.example.com/webhooks/telephony/exotel/status?call=" + id
									+ "&token=00112233445566778899aabbccddeeff"))
					.withFormParam("StatusCallbackEvents[0]", equalTo("terminal"))
					.withFormParam("StatusCallbackEvents[1]", equalTo("answered")));
		String body = exotel.findAll(postRequestedFor(urlEqualTo(CONNECT))).get(0).getBodyAsString();
		assertThat(body).doesNotContain("To=").doesNotContain("Record=");
	}

	@Test
	void aFlowCallsCustomerIsItsFirstLegAndItsAgentTheSecond() {
		var answered = VoiceHttp.json("""
				{"CallSid": "f1", "EventType": "answered", "Status": "in-progress",
				 "Legs": [{"OnCallDuration": 0, "Status": "in-progress", "AnsweredBy": "MACHINE"}]}""");
		// no machine detection before the Connect applet: the answer is a person's
		assertThat(ExotelVoiceWebhooks.flowEvents("f1", "answered", "in-progress", answered))
			.containsExactly(new ExotelVoiceWebhooks.Keyed("f1:answered", CallEvent.answeredByHuman()));

		var bothLegs = VoiceHttp.json("""
				{"CallSid": "f1", "EventType": "answered", "Status": "in-progress",
				 "Legs": [{"Status": "in-progress"}, {"Status": "in-progress"}]}""");
		assertThat(ExotelVoiceWebhooks.flowEvents("f1", "answered", "in-progress", bothLegs)).containsExactly(
				new ExotelVoiceWebhooks.Keyed("f1:answered", CallEvent.answeredByHuman()),
				new ExotelVoiceWebhooks.Keyed("f1:bridged", CallEvent.bridged()));

		// the customer heard the flow's message and nobody else came on: not bridged
		var abandoned = VoiceHttp.json("""
				{"CallSid": "f2", "EventType": "terminal", "Status": "completed", "ConversationDuration": 0,
				 "RecordingUrl": null, "Legs": [{"OnCallDuration": 14, "Status": "completed"}]}""");
		assertThat(ExotelVoiceWebhooks.flowEvents("f2", "terminal", "completed", abandoned))
			.containsExactly(new ExotelVoiceWebhooks.Keyed("f2:ended", CallEvent.ended(CallEvent.EndCause.COMPLETED)));

		var talked = VoiceHttp
			.json("""
					{"CallSid": "f3", "EventType": "terminal", "Status": "completed", "ConversationDuration": 61,
					 "RecordingUrl": "https://recordings.exotel.com/f3.mp3",
					 "Legs": [{"OnCallDuration": 70, "Status": "completed"}, {"OnCallDuration": 61, "Status": "completed"}]}""");
		assertThat(ExotelVoiceWebhooks.flowEvents("f3", "terminal", "completed", talked)).containsExactly(
				new ExotelVoiceWebhooks.Keyed("f3:bridged", CallEvent.bridged()),
				new ExotelVoiceWebhooks.Keyed("f3:recording",
						CallEvent.recording("https://recordings.exotel.com/f3.mp3", 61)),
				new ExotelVoiceWebhooks.Keyed("f3:ended", CallEvent.ended(CallEvent.EndCause.COMPLETED)));

		var noAnswer = VoiceHttp.json("""
				{"CallSid": "f4", "Status": "no-answer", "RecordingUrl": null}""");
		assertThat(ExotelVoiceWebhooks.flowEvents("f4", null, "no-answer", noAnswer))
			.containsExactly(new ExotelVoiceWebhooks.Keyed("f4:ended", CallEvent.ended(CallEvent.EndCause.NO_ANSWER)));
	}

}

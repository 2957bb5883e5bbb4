package org.dues.telephony.provider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.dues.system.WebhookSignatures;
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
 * Twilio Voice's Calls API, played by WireMock with the requests and answers Twilio
 * documents.
 */
class TwilioVoiceTests {

	static final String SID = "AC00000000000000000000000000000002";

	static final String TOKEN = "twilio-voice-token";

	static final String CALLS = "/2010-04-01/Accounts/" + SID + "/Calls.json";

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static TelephonyProperties properties(String baseUrl) {
		return new TelephonyProperties(
				new TelephonyProperties.Twilio(SID, TOKEN, "+15017122661", baseUrl, Duration.ofSeconds(2),
						Duration.ofSeconds(5)),
				new TelephonyProperties.Exotel(null, null, null, null, null, null, Duration.ofSeconds(1),
						Duration.ofSeconds(1)),
				new TelephonyProperties.Simulated(23, 0, "+15550100000"), 30, 3600);
	}

	TwilioVoice adapter() {
		return new TwilioVoice(properties(twilio.baseUrl()), new CallbackAddress("https://dues.example.com/", 8080));
	}

	static CallRequest call(UUID id, String disclosure) {
		return new CallRequest(id, "token", "+12127361234", "+12025550199", "+15017122661", true, disclosure, 30, 3600);
	}

	static void answer(int status, String json) {
		twilio.stubFor(post(urlEqualTo(CALLS))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json)));
	}

	@Test
	void postsTheCallWithBasicAuthMachineDetectionRecordingAndCallbacks() {
		answer(201,
				"""
						{"account_sid": "%s", "annotation": null, "answered_by": null, "api_version": "2010-04-01",
						 "caller_name": null, "date_created": null, "direction": "outbound-api", "duration": null,
						 "from": "+15017122661", "sid": "CAe1644a7eed5088b159577c5802d8be38", "status": "queued",
						 "to": "+12127361234", "uri": "/2010-04-01/Accounts/%s/Calls/CAe1644a7eed5088b159577c5802d8be38.json"}"""
					.formatted(SID, SID));
		UUID id = UUID.randomUUID();

		String sid = adapter().place(call(id, "This call is recorded."));

		assertThat(sid).isEqualTo("CAe1644a7eed5088b159577c5802d8be38");
		twilio.verify(postRequestedFor(urlEqualTo(CALLS)).withBasicAuth(new BasicCredentials(SID, TOKEN))
			.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
			.withFormParam("To", equalTo("+12127361234"))
			.withFormParam("From", equalTo("+15017122661"))
			.withFormParam("Url", equalTo("https://dues.example.com/webhooks/telephony/twilio/answer?call=" + id))
			.withFormParam("Method", equalTo("POST"))
			.withFormParam("StatusCallback",
					equalTo("https://dues.example.com/webhooks/telephony/twilio/status?call=" + id))
			.withFormParam("StatusCallbackEvent", equalTo("initiated"))
			.withFormParam("StatusCallbackEvent", equalTo("completed"))
			.withFormParam("MachineDetection", equalTo("Enable"))
			.withFormParam("Timeout", equalTo("30"))
			.withFormParam("TimeLimit", equalTo("3600"))
			.withFormParam("Record", equalTo("true"))
			.withFormParam("RecordingStatusCallback",
					equalTo("https://dues.example.com/webhooks/telephony/twilio/recording?call=" + id)));
		String body = twilio.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(body).contains("StatusCallbackEvent=initiated", "StatusCallbackEvent=ringing",
				"StatusCallbackEvent=answered", "StatusCallbackEvent=completed");
	}

	@Test
	void aCallThatIsNotRecordedAsksForNoRecording() {
		answer(201, "{\"sid\": \"CA0001\", \"status\": \"queued\"}");

		adapter().place(call(UUID.randomUUID(), null));

		assertThat(twilio.getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("Record");
	}

	@Test
	void anInvalidNumberIsARefusalThatWillNotChangeAndAnOutageIsTriedAgain() {
		answer(400, """
				{"code": 21217, "message": "Phone number does not appear to be valid", "more_info":
				 "https://www.twilio.com/docs/errors/21217", "status": 400}""");
		assertThatExceptionOfType(TelephonyException.class)
			.isThrownBy(() -> adapter().place(call(UUID.randomUUID(), null)))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse())
			.withMessageContaining("21217");

		answer(503, "<html>Service Unavailable</html>");
		assertThatExceptionOfType(TelephonyException.class)
			.isThrownBy(() -> adapter().place(call(UUID.randomUUID(), null)))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue());

		answer(201, "{\"status\": \"queued\"}");
		assertThatExceptionOfType(TelephonyException.class)
			.isThrownBy(() -> adapter().place(call(UUID.randomUUID(), null)))
			.withMessageContaining("without a call SID");
	}

	@Test
	void theSignatureIsTheOneOfTwiliosDocumentationExample() {
		Map<String, List<String>> params = Map.of("CallSid", List.of("CA1234567890ABCDE"), "Caller",
				List.of("+14158675309"), "Digits", List.of("1234"), "From", List.of("+14158675309"), "To",
				List.of("+18005551212"));
		assertThat(WebhookSignatures.twilio("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
			.isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
		assertThat(WebhookSignatures.twilioValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params,
				"RSOYDt4T1cUTdK1PDd93/VVr8B8=X"))
			.isFalse();
	}

	@Test
	void callStatusesAreNormalised() {
		assertThat(TwilioVoiceWebhooks.event("queued", null)).isNull();
		assertThat(TwilioVoiceWebhooks.event("initiated", null)).isNull();
		assertThat(TwilioVoiceWebhooks.event("ringing", null)).isEqualTo(CallEvent.ringing());
		assertThat(TwilioVoiceWebhooks.event("in-progress", null)).isNull();
		assertThat(TwilioVoiceWebhooks.event("in-progress", "human")).isEqualTo(CallEvent.answeredByHuman());
		assertThat(TwilioVoiceWebhooks.event("in-progress", "machine_end_beep"))
			.isEqualTo(CallEvent.answeredByMachine());
		assertThat(TwilioVoiceWebhooks.event("in-progress", "fax")).isEqualTo(CallEvent.answeredByMachine());
		assertThat(TwilioVoiceWebhooks.event("completed", null))
			.isEqualTo(CallEvent.ended(CallEvent.EndCause.COMPLETED));
		assertThat(TwilioVoiceWebhooks.event("busy", null)).isEqualTo(CallEvent.ended(CallEvent.EndCause.BUSY));
		assertThat(TwilioVoiceWebhooks.event("no-answer", null))
			.isEqualTo(CallEvent.ended(CallEvent.EndCause.NO_ANSWER));
		assertThat(TwilioVoiceWebhooks.event("failed", null)).isEqualTo(CallEvent.ended(CallEvent.EndCause.FAILED));
		assertThat(TwilioVoiceWebhooks.event("canceled", null)).isEqualTo(CallEvent.ended(CallEvent.EndCause.CANCELED));
	}

}

package org.dues.messaging.provider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dues.system.WebhookSignatures;
import org.dues.compliance.Channel;
import org.dues.messaging.MessageStatus;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Twilio's webhooks with signatures computed here as Twilio documents them: Base64 of
 * HMAC-SHA1 (key: the auth token) of the URL followed by the POST parameters sorted by
 * name, each name then value.
 */
class TwilioWebhooksTests {

	static final String TOKEN = "twilio-auth-token";

	static final String PUBLIC = "https://dues.example.com";

	RecordingReports reports = new RecordingReports();

	MockMvc mvc = mvc(PUBLIC);

	MockMvc mvc(String publicUrl) {
		TwilioProperties properties = new TwilioProperties(TwilioSmsTests.SID, TOKEN, "+15017122661",
				"https://api.twilio.com", Duration.ofSeconds(1), Duration.ofSeconds(1));
		return MockMvcBuilders
			.standaloneSetup(new TwilioWebhooks(properties, new PublicUrl(publicUrl, 8080), this.reports))
			.build();
	}

	/** The signature, computed apart from the code under test. */
	static String sign(String token, String url, Map<String, String> params) throws Exception {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
	}

	static MockHttpServletRequestBuilder form(String path, Map<String, String> params) {
		MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
		params.forEach(request::param);
		return request;
	}

	static Map<String, String> callback(String sid, String status) {
		return Map.of("AccountSid", TwilioSmsTests.SID, "ApiVersion", "2010-04-01", "From", "+15017122661",
				"MessageSid", sid, "MessageStatus", status, "SmsSid", sid, "SmsStatus", status, "To", "+12127361234");
	}

	@Test
	void theSignatureIsTheOneOfTwiliosDocumentationExample() {
		// the example of Twilio's webhook security page and of its own validator's tests
		Map<String, List<String>> params = Map.of("CallSid", List.of("CA1234567890ABCDE"), "Caller",
				List.of("+14158675309"), "Digits", List.of("1234"), "From", List.of("+14158675309"), "To",
				List.of("+18005551212"));
		assertThat(WebhookSignatures.twilio("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
			.isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
	}

	@Test
	void aSignedStatusCallbackIsReportedOnceByMessageAndStatus() throws Exception {
		Map<String, String> delivered = callback("SM1f0e8ae6ade43cb3c0ce4525424e404f", "delivered");
		String signature = sign(TOKEN, PUBLIC + "/webhooks/twilio/status", delivered);

		this.mvc.perform(form("/webhooks/twilio/status", delivered).header("X-Twilio-Signature", signature))
			.andExpect(status().is2xxSuccessful());
		this.mvc.perform(form("/webhooks/twilio/status", delivered).header("X-Twilio-Signature", signature))
			.andExpect(status().is2xxSuccessful());

		assertThat(this.reports.statuses)
			.containsExactly(new RecordingReports.Status("twilio", "SM1f0e8ae6ade43cb3c0ce4525424e404f:delivered",
					"SM1f0e8ae6ade43cb3c0ce4525424e404f", MessageStatus.DELIVERED, null));
		assertThat(this.reports.repeats).containsExactly("SM1f0e8ae6ade43cb3c0ce4525424e404f:delivered");
		assertThat(this.reports.refusals).isEmpty();
	}

	@Test
	void anUndeliveredMessageCarriesTwiliosErrorCode() throws Exception {
		Map<String, String> undelivered = new TreeMap<>(callback("SMbad", "undelivered"));
		undelivered.put("ErrorCode", "30003");

		this.mvc
			.perform(form("/webhooks/twilio/status", undelivered).header("X-Twilio-Signature",
					sign(TOKEN, PUBLIC + "/webhooks/twilio/status", undelivered)))
			.andExpect(status().is2xxSuccessful());

		assertThat(this.reports.statuses).singleElement().satisfies((report) -> {
			assertThat(report.status()).isEqualTo(MessageStatus.FAILED);
			assertThat(report.error()).isEqualTo("Twilio error 30003");
		});
	}

	@Test
	void aSignedInboundMessageIsReportedAndAnsweredWithEmptyTwiml() throws Exception {
		Map<String, String> inbound = Map.of("AccountSid", TwilioSmsTests.SID, "Body", "STOP", "From", "+12127361234",
				"MessageSid", "SM9990001", "NumMedia", "0", "To", "+15017122661");

		this.mvc
			.perform(form("/webhooks/twilio/sms", inbound).header("X-Twilio-Signature",
					sign(TOKEN, PUBLIC + "/webhooks/twilio/sms", inbound)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/xml"))
			.andExpect(content().string(org.hamcrest.Matchers.endsWith("<Response/>")));

		assertThat(this.reports.inbound).containsExactly(new RecordingReports.Inbound("twilio", "SM9990001",
				Channel.SMS, "+12127361234", "+15017122661", "STOP"));
	}

	@Test
	void theQueryStringIsPartOfTheUrlAndNotOfTheSortedParameters() throws Exception {
		Map<String, String> inbound = Map.of("Body", "Hello", "From", "+12127361234", "MessageSid", "SM42", "To",
				"+15017122661");

		this.mvc
			.perform(form("/webhooks/twilio/sms?tenant=dues", inbound).header("X-Twilio-Signature",
					sign(TOKEN, PUBLIC + "/webhooks/twilio/sms?tenant=dues", inbound)))
			.andExpect(status().isOk());

		assertThat(this.reports.inbound).hasSize(1);
	}

	@Test
	void withoutAPublicUrlTheRequestsOwnUrlIsSigned() throws Exception {
		MockMvc local = mvc("");
		Map<String, String> sent = callback("SM77", "sent");

		local
			.perform(form("/webhooks/twilio/status", sent).header("X-Twilio-Signature",
					sign(TOKEN, "http://localhost/webhooks/twilio/status", sent)))
			.andExpect(status().is2xxSuccessful());

		assertThat(this.reports.statuses).singleElement()
			.satisfies((report) -> assertThat(report.status()).isEqualTo(MessageStatus.SENT));
	}

	@Test
	void theDefaultPortMayBeInTheSignedUrl() throws Exception {
		Map<String, String> sent = callback("SM78", "sent");

		this.mvc
			.perform(form("/webhooks/twilio/status", sent).header("X-Twilio-Signature",
					sign(TOKEN, "https://dues.example.com:443/webhooks/twilio/status", sent)))
			.andExpect(status().is2xxSuccessful());

		assertThat(this.reports.statuses).hasSize(1);
	}

	@Test
	void aBadSignatureIsRefusedAndRecorded() throws Exception {
		Map<String, String> delivered = callback("SM1", "delivered");
		String otherToken = sign("another-token", PUBLIC + "/webhooks/twilio/status", delivered);
		String otherUrl = sign(TOKEN, "https://attacker.example.com/webhooks/twilio/status", delivered);
		Map<String, String> tampered = new TreeMap<>(delivered);
		tampered.put("MessageStatus", "failed");

		this.mvc.perform(form("/webhooks/twilio/status", delivered).header("X-Twilio-Signature", otherToken))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(form("/webhooks/twilio/status", delivered).header("X-Twilio-Signature", otherUrl))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(form("/webhooks/twilio/status", tampered).header("X-Twilio-Signature",
					sign(TOKEN, PUBLIC + "/webhooks/twilio/status", delivered)))
			.andExpect(status().isUnauthorized());

		assertThat(this.reports.statuses).isEmpty();
		assertThat(this.reports.refusals).hasSize(3)
			.allSatisfy((refusal) -> assertThat(refusal).isEqualTo(new RecordingReports.Refusal("twilio",
					"/webhooks/twilio/status", "X-Twilio-Signature does not match")));
	}

	@Test
	void aMissingSignatureIsRefusedAndRecorded() throws Exception {
		this.mvc
			.perform(form("/webhooks/twilio/sms",
					Map.of("Body", "STOP", "From", "+12127361234", "MessageSid", "SM5", "To", "+15017122661")))
			.andExpect(status().isUnauthorized());

		assertThat(this.reports.inbound).isEmpty();
		assertThat(this.reports.refusals)
			.containsExactly(new RecordingReports.Refusal("twilio", "/webhooks/twilio/sms", "no X-Twilio-Signature"));
	}

}

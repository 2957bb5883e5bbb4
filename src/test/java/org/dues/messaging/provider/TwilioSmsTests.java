package org.dues.messaging.provider;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.dues.compliance.Channel;
import org.dues.messaging.MessageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Twilio's Messages API, played by WireMock with the requests and answers Twilio
 * documents.
 */
class TwilioSmsTests {

	static final String SID = "AC00000000000000000000000000000001";

	static final String TOKEN = "twilio-auth-token";

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	TwilioSms adapter(String from) {
		return adapter(from, Duration.ofSeconds(10));
	}

	TwilioSms adapter(String from, Duration readTimeout) {
		return new TwilioSms(
				new TwilioProperties(SID, TOKEN, from, twilio.baseUrl(), Duration.ofSeconds(2), readTimeout),
				new PublicUrl("https://dues.example.com/", 8080));
	}

	static Outgoing sms(String to, String body) {
		return new Outgoing(UUID.randomUUID(), Channel.SMS, to, null, body, "en", null, null, null, null);
	}

	static void answer(int status, String json) {
		twilio.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json)));
	}

	@Test
	void postsTheFormWithBasicAuthAndTakesTheSidAsTheProviderId() {
		answer(201, """
				{"account_sid": "%s", "api_version": "2010-04-01", "body": "Your payment is due",
				 "date_created": "Thu, 26 Nov 2026 10:00:00 +0000", "direction": "outbound-api",
				 "error_code": null, "error_message": null, "from": "+15017122661",
				 "sid": "SM1f0e8ae6ade43cb3c0ce4525424e404f", "status": "queued", "to": "+12127361234",
				 "uri": "/2010-04-01/Accounts/%s/Messages/SM1f0e8ae6ade43cb3c0ce4525424e404f.json"}""".formatted(SID,
				SID));

		Handover handover = adapter("+15017122661").handOver(sms("+12127361234", "Your payment of $1,234.50 is due"));

		assertThat(handover).isEqualTo(new Handover("SM1f0e8ae6ade43cb3c0ce4525424e404f", MessageStatus.SENT));
		twilio.verify(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
			.withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(SID, TOKEN))
			.withHeader("Content-Type",
					com.github.tomakehurst.wiremock.client.WireMock.containing("application/x-www-form-urlencoded"))
			.withFormParam("To", equalTo("+12127361234"))
			.withFormParam("From", equalTo("+15017122661"))
			.withFormParam("Body", equalTo("Your payment of $1,234.50 is due"))
			.withFormParam("StatusCallback", equalTo("https://dues.example.com/webhooks/twilio/status")));
	}

	@Test
	void aMessagingServiceSidIsSentAsSuch() {
		answer(201, """
				{"sid": "SMaaaa", "status": "accepted"}""");

		adapter("MG9752274e9e519418a7406176694466fa").handOver(sms("+447700900123", "Hello"));

		twilio.verify(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
			.withFormParam("MessagingServiceSid", equalTo("MG9752274e9e519418a7406176694466fa"))
			.withFormParam("To", equalTo("+447700900123")));
	}

	@Test
	void anInvalidNumberIsARefusalThatWillNotChange() {
		answer(400, """
				{"code": 21211, "message": "Invalid 'To' Phone Number: +1212736123", "more_info":
				 "https://www.twilio.com/docs/errors/21211", "status": 400}""");

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> adapter("+15017122661").handOver(sms("+1212736123", "Hi")))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse())
			.withMessageContaining("21211")
			.withMessageContaining("Invalid 'To' Phone Number");
	}

	@Test
	void tooManyRequestsAndServerErrorsAreTriedAgain() {
		answer(429, """
				{"code": 20429, "message": "Too Many Requests", "status": 429}""");
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> adapter("+15017122661").handOver(sms("+12127361234", "Hi")))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue());

		answer(503, "<html>Service Unavailable</html>");
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> adapter("+15017122661").handOver(sms("+12127361234", "Hi")))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue())
			.withMessageContaining("503");
	}

	@Test
	void noAnswerInTimeMayHaveBeenTaken() {
		twilio.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
			.willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SMlate\"}").withFixedDelay(3000)));

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> adapter("+15017122661", Duration.ofMillis(500)).handOver(sms("+12127361234", "Hi")))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue())
			.satisfies((ex) -> assertThat(ex.ambiguous()).as("Twilio may have the message").isTrue())
			.withMessageContaining("did not answer");
	}

	@Test
	void anUnreachableTwilioIsTriedAgain() {
		TwilioSms nowhere = new TwilioSms(new TwilioProperties(SID, TOKEN, "+15017122661", "http://127.0.0.1:9",
				Duration.ofSeconds(1), Duration.ofSeconds(1)), new PublicUrl("", 8080));

		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> nowhere.handOver(sms("+12127361234", "Hi")))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue())
			.satisfies((ex) -> assertThat(ex.ambiguous()).as("never reached, Twilio has nothing").isFalse())
			.withMessageContaining("could not be reached");
	}

	@Test
	void servesEveryCountryButIndia() {
		TwilioSms adapter = adapter("+15017122661");
		assertThat(adapter.serves(new Route("+12127361234", "US"))).isTrue();
		assertThat(adapter.serves(new Route("+447700900123", "GB"))).isTrue();
		assertThat(adapter.serves(new Route("+919847012345", "IN"))).isFalse();
		assertThat(adapter.serves(new Route("maria@example.com", "US"))).isFalse();
	}

	@Test
	void anAccountWithoutASenderDoesNotStart() {
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> adapter(" "))
			.withMessageContaining("DUES_TWILIO_FROM");
	}

	@Test
	void aSuccessWithoutASidIsNotSentAgainSinceTwilioMayHaveTakenIt() {
		answer(201, "{}");

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> adapter("+15017122661").handOver(sms("+12127361234", "Hi")))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse());
	}

}

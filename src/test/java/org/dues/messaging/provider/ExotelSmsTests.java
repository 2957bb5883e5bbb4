package org.dues.messaging.provider;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.dues.compliance.Channel;
import org.dues.messaging.MessageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Exotel's SMS API, played by WireMock with the requests and answers Exotel documents.
 */
class ExotelSmsTests {

	static final String SID = "duescollections1";

	static final String KEY = "exotel-api-key";

	static final String TOKEN = "exotel-api-token";

	static final String PATH = "/v1/Accounts/" + SID + "/Sms/send.json";

	static final Outgoing.Dlt DLT = new Outgoing.Dlt("1201159123456789012", "DUESCO", "1207161234567890123");

	@RegisterExtension
	static WireMockExtension exotel = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static ExotelProperties properties(String baseUrl) {
		return new ExotelProperties(SID, KEY, TOKEN, null, baseUrl, null, Duration.ofSeconds(2),
				Duration.ofSeconds(10));
	}

	ExotelSms adapter() {
		ExotelProperties properties = properties(exotel.baseUrl());
		return new ExotelSms(properties,
				new ExotelCallbacks(properties, new PublicUrl("https://dues.example.in", 8080)));
	}

	static Outgoing sms(String body, Outgoing.Dlt dlt) {
		return new Outgoing(UUID.fromString("7b6f3c56-0a43-4e43-9a59-3c1f3e2b9d10"), Channel.SMS, "+919847012345", null,
				body, "ml", dlt, null, null, null);
	}

	static void answer(int status, String json) {
		exotel.stubFor(post(urlEqualTo(PATH))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json)));
	}

	@Test
	void postsTheDltFieldsWithBasicAuthAndTakesTheSidAsTheProviderId() {
		answer(200, """
				{"SMSMessage": {"Sid": "0f477d60517e6e6a0f6d9a7e9af8630e", "AccountSid": "%s",
				 "From": "0XXXXXX4890/DUESCO", "To": "09847012345", "DateCreated": "2026-11-26 15:30:00",
				 "DateUpdated": "2026-11-26 15:30:00", "DateSent": null, "Body": "...", "Direction": "outbound-api",
				 "Uri": "/v1/Accounts/%s/SMS/Messages/0f477d60517e6e6a0f6d9a7e9af8630e.json", "ApiVersion": null,
				 "Price": null, "Status": "queued", "DetailedStatusCode": 21010,
				 "DetailedStatus": "PENDING_TO_OPERATOR", "SmsUnits": null}}""".formatted(SID, SID));
		String malayalam = "ലക്ഷ്മി, ₹12,500.00 അടയ്ക്കാനുള്ള തീയതി 30-11-2026 ആണ്";

		Handover handover = adapter().handOver(sms(malayalam, DLT));

		assertThat(handover).isEqualTo(new Handover("0f477d60517e6e6a0f6d9a7e9af8630e", MessageStatus.SENT));
		exotel.verify(postRequestedFor(urlEqualTo(PATH)).withBasicAuth(new BasicCredentials(KEY, TOKEN))
			.withFormParam("From", equalTo("DUESCO"))
			.withFormParam("To", equalTo("+919847012345"))
			.withFormParam("Body", equalTo(malayalam))
			.withFormParam("EncodingType", equalTo("unicode"))
			.withFormParam("DltEntityId", equalTo("1201159123456789012"))
			.withFormParam("DltTemplateId", equalTo("1207161234567890123"))
			.withFormParam("SmsType", equalTo("transactional"))
			.withFormParam("CustomField", equalTo("7b6f3c56-0a43-4e43-9a59-3c1f3e2b9d10"))
			.withFormParam("StatusCallback", equalTo(
					"https://dues.example.in/webhooks/exotel/sms-status?token=" + ExotelCallbacks.derived(TOKEN))));
	}

	@Test
	void englishGoesAsPlainGsmText() {
		answer(200, """
				{"SMSMessage": {"Sid": "abc123", "Status": "queued"}}""");

		adapter().handOver(sms("Dear Lakshmi, Rs. 12,500.00 is due on 30-11-2026.", DLT));

		exotel.verify(postRequestedFor(urlEqualTo(PATH)).withFormParam("EncodingType", equalTo("plain")));
	}

	@Test
	void anSmsWithoutItsDltRegistrationIsRefusedWithoutAsking() {
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> adapter().handOver(sms("Hello", null)))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse())
			.withMessageContaining("DLT");
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> adapter().handOver(sms("Hello", new Outgoing.Dlt("1201159123456789012", "DUESCO", ""))))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse());
		exotel.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aBadRequestIsFinalAndTooManyRequestsOrAnOutageIsTriedAgain() {
		answer(400, """
				{"RestException": {"Status": 400, "Message": "Invalid Recipient [+91984701]"}}""");
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> adapter().handOver(sms("Hi", DLT)))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse())
			.withMessageContaining("Invalid Recipient");

		answer(429, """
				{"RestException": {"Status": 429, "Message": "Too Many Requests"}}""");
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> adapter().handOver(sms("Hi", DLT)))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue());

		answer(500, """
				{"RestException": {"Status": 500, "Message": "Internal Server Error"}}""");
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> adapter().handOver(sms("Hi", DLT)))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue());
	}

	@Test
	void servesIndianNumbersOnly() {
		assertThat(adapter().serves(new Route("+919847012345", "IN"))).isTrue();
		assertThat(adapter().serves(new Route("+12127361234", "US"))).isFalse();
	}

	@Test
	void theSubdomainMakesTheBaseUrlWhenNoneIsGiven() {
		assertThat(new ExotelProperties(SID, KEY, TOKEN, "api.in.exotel.com", "", null, Duration.ofSeconds(1),
				Duration.ofSeconds(1))
			.api()).isEqualTo("https://api.in.exotel.com");
		assertThat(new ExotelProperties(SID, KEY, TOKEN, null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1))
			.api()).isEqualTo("https://api.exotel.com");
	}

}

package org.dues.messaging.provider;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.dues.compliance.Channel;
import org.dues.messaging.MessageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The WhatsApp Cloud API, played by WireMock with the requests and answers Meta
 * documents.
 */
class WhatsAppCloudTests {

	static final String PATH = "/v21.0/106540352242922/messages";

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	WhatsAppCloud adapter() {
		return new WhatsAppCloud(new WhatsAppProperties("EAAG-access-token", "106540352242922", "app-secret",
				"verify-me", graph.baseUrl(), "v21.0", Duration.ofSeconds(2), Duration.ofSeconds(10)));
	}

	static Outgoing message(Outgoing.WhatsAppTemplate template) {
		return new Outgoing(UUID.randomUUID(), Channel.WHATSAPP, "+919847012345", null, "रुपये 12,500 बाकी हैं", "hi",
				null, template, null, null);
	}

	static void answer(int status, String json) {
		graph.stubFor(post(urlEqualTo(PATH))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json)));
	}

	static final String ACCEPTED = """
			{"messaging_product": "whatsapp", "contacts": [{"input": "+919847012345", "wa_id": "919847012345"}],
			 "messages": [{"id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", "message_status": "accepted"}]}""";

	@Test
	void aTemplateMessageWithItsBodyParameters() {
		answer(200, ACCEPTED);

		Handover handover = adapter().handOver(message(new Outgoing.WhatsAppTemplate("payment_reminder", "hi",
				List.of("लक्ष्मी", "₹12,500.00", "30-11-2026"))));

		assertThat(handover)
			.isEqualTo(new Handover("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", MessageStatus.SENT));
		graph.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer EAAG-access-token"))
			.withRequestBody(equalToJson("""
					{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "+919847012345",
					 "type": "template",
					 "template": {"name": "payment_reminder", "language": {"code": "hi"},
					  "components": [{"type": "body", "parameters": [
					   {"type": "text", "text": "लक्ष्मी"}, {"type": "text", "text": "₹12,500.00"},
					   {"type": "text", "text": "30-11-2026"}]}]}}""")));
	}

	@Test
	void aSessionMessageIsText() {
		answer(200, ACCEPTED);

		adapter().handOver(message(null));

		graph.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "+919847012345",
				 "type": "text", "text": {"preview_url": false, "body": "रुपये 12,500 बाकी हैं"}}""")));
	}

	@Test
	void outsideTheWindowIsFinalAndARateLimitIsTriedAgain() {
		answer(400,
				"""
						{"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException", "code": 131047,
						 "error_data": {"messaging_product": "whatsapp", "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
						 "fbtrace_id": "AbCdEf"}}""");
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> adapter().handOver(message(null)))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse())
			.withMessageContaining("131047");

		answer(400, """
				{"error": {"message": "(#131056) (Business Account, Consumer Account) pair rate limit hit",
				 "type": "OAuthException", "code": 131056, "fbtrace_id": "AbCdEf"}}""");
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> adapter().handOver(message(null)))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue());

		answer(500, """
				{"error": {"message": "An unknown error occurred", "type": "OAuthException", "code": 1}}""");
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> adapter().handOver(message(null)))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue());
	}

	@Test
	void anExpiredTokenIsFinalUntilItIsReplaced() {
		answer(401, """
				{"error": {"message": "Error validating access token: Session has expired", "type": "OAuthException",
				 "code": 190, "error_subcode": 463, "fbtrace_id": "AbCdEf"}}""");
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> adapter().handOver(message(null)))
			.satisfies((ex) -> assertThat(ex.retryable()).isFalse())
			.withMessageContaining("190");
	}

}

package org.dues.payment.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.dues.payment.PaymentChannel;
import org.dues.shared.Money;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Razorpay's Payment Links API and webhooks, played by WireMock as Razorpay documents
 * them.
 */
class RazorpayGatewayTests {

	static final String KEY_ID = "rzp_test_1DP5mmOlF5G5ag";

	static final String KEY_SECRET = "thisissupersecret";

	static final String WEBHOOK_SECRET = "webhook-secret-of-tests";

	@RegisterExtension
	static WireMockExtension razorpay = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	RazorpayGateway gateway() {
		return new RazorpayGateway(new RazorpayProperties(KEY_ID, KEY_SECRET, WEBHOOK_SECRET, razorpay.baseUrl(),
				Duration.ofSeconds(2), Duration.ofSeconds(5)));
	}

	@Test
	void createsAPaymentLinkInPaiseWithBasicAuthAndTakesItsShortUrl() {
		razorpay.stubFor(post(urlEqualTo("/v1/payment_links")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"""
							{"accept_partial":false,"amount":450050,"amount_paid":0,"callback_method":"get",
							 "callback_url":"https://dues.example.com/pay/tok?returned","cancelled_at":0,"created_at":1764150000,
							 "currency":"INR","customer":{},"description":"Test NBFC · K7M2Q9XW4P","expire_by":1764786599,
							 "expired_at":0,"first_min_partial_amount":0,"id":"plink_ExjpAUN3gVHrPJ",
							 "notes":{"link_reference":"K7M2Q9XW4P"},"notify":{"email":false,"sms":false},"payments":null,
							 "reference_id":"K7M2Q9XW4P-1","reminder_enable":false,"reminders":[],
							 "short_url":"https://rzp.io/i/nxrHnLJ","status":"created","updated_at":1764150000,
							 "upi_link":false,"user_id":""}""")));

		Checkout checkout = gateway()
			.checkout(new CheckoutRequest("tok", Money.of("4500.50", "INR"), "K7M2Q9XW4P", 0, "Test NBFC · K7M2Q9XW4P",
					"ml", "https://dues.example.com/pay/tok?returned", Instant.ofEpochSecond(1764786599)));

		assertThat(checkout).isEqualTo(new Checkout("https://rzp.io/i/nxrHnLJ", "plink_ExjpAUN3gVHrPJ"));
		razorpay.verify(postRequestedFor(urlEqualTo("/v1/payment_links"))
			.withBasicAuth(new BasicCredentials(KEY_ID, KEY_SECRET))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"amount":450050,"currency":"INR","accept_partial":false,"reference_id":"K7M2Q9XW4P-1",
					 "description":"Test NBFC · K7M2Q9XW4P","notify":{"sms":false,"email":false},
					 "reminder_enable":false,"callback_url":"https://dues.example.com/pay/tok?returned",
					 "callback_method":"get","expire_by":1764786599,"notes":{"link_reference":"K7M2Q9XW4P"}}""")));
	}

	@Test
	void aRefusalIsAGatewayError() {
		razorpay.stubFor(post(urlEqualTo("/v1/payment_links"))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
					{"error":{"code":"BAD_REQUEST_ERROR","description":"reference_id already exists",
					 "source":"business","step":"payment_initiation","reason":"input_validation_failed"}}""")));

		assertThatThrownBy(() -> gateway().checkout(new CheckoutRequest("tok", Money.of("10.00", "INR"), "K7M2Q9XW4P",
				0, "x", "en", "https://dues.example.com/pay/tok", Instant.ofEpochSecond(1764786599))))
			.isInstanceOf(GatewayException.class)
			.hasMessageContaining("reference_id already exists");
	}

	@Test
	void readsAPaidPaymentLinkSignedOverTheRawBody() {
		String body = RazorpayPayloads.linkPaid("K7M2Q9XW4P", "pay_KBnbPMxTL9Ag4I", 450050, "upi");

		List<GatewayEvent> events = gateway().parse(Map.of("x-razorpay-signature", Hmac.razorpay(WEBHOOK_SECRET, body),
				"x-razorpay-event-id", "KBnbQ3xSOsUjfB"), body.getBytes(StandardCharsets.UTF_8));

		assertThat(events)
			.containsExactly(new GatewayEvent("KBnbQ3xSOsUjfB", "payment_link.paid", GatewayEvent.Type.CAPTURED,
					"pay_KBnbPMxTL9Ag4I", "K7M2Q9XW4P", Money.of("4500.50", "INR"), PaymentChannel.UPI, null));
	}

	@Test
	void aSignatureOverOtherBytesOrAnotherSecretIsRefused() {
		String body = RazorpayPayloads.linkPaid("K7M2Q9XW4P", "pay_KBnbPMxTL9Ag4I", 450050, "card");
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String reformatted = body.replace("\n", "");

		assertThatThrownBy(() -> gateway().parse(
				Map.of("x-razorpay-signature", Hmac.razorpay(WEBHOOK_SECRET, reformatted), "x-razorpay-event-id", "e1"),
				bytes))
			.isInstanceOf(WebhookRefusedException.class);
		assertThatThrownBy(() -> gateway()
			.parse(Map.of("x-razorpay-signature", Hmac.razorpay("another", body), "x-razorpay-event-id", "e1"), bytes))
			.isInstanceOf(WebhookRefusedException.class);
		assertThatThrownBy(() -> gateway().parse(Map.of("x-razorpay-event-id", "e1"), bytes))
			.isInstanceOf(WebhookRefusedException.class);
	}

	@Test
	void readsFailuresAndRefunds() {
		String failed = RazorpayPayloads.paymentFailed("K7M2Q9XW4P", "pay_FAILED00000001", 100000);
		String refund = RazorpayPayloads.refundProcessed("pay_KBnbPMxTL9Ag4I", 450050);

		GatewayEvent failure = gateway()
			.parse(Map.of("x-razorpay-signature", Hmac.razorpay(WEBHOOK_SECRET, failed), "x-razorpay-event-id", "f1"),
					failed.getBytes(StandardCharsets.UTF_8))
			.get(0);
		GatewayEvent refunded = gateway()
			.parse(Map.of("x-razorpay-signature", Hmac.razorpay(WEBHOOK_SECRET, refund), "x-razorpay-event-id", "r1"),
					refund.getBytes(StandardCharsets.UTF_8))
			.get(0);

		assertThat(failure.type()).isEqualTo(GatewayEvent.Type.FAILED);
		assertThat(failure.linkReference()).isEqualTo("K7M2Q9XW4P");
		assertThat(failure.reason()).isEqualTo("Payment processing failed because of incorrect OTP");
		assertThat(refunded.type()).isEqualTo(GatewayEvent.Type.REFUNDED);
		assertThat(refunded.gatewayPaymentId()).isEqualTo("pay_KBnbPMxTL9Ag4I");
		assertThat(refunded.amount()).isEqualTo(Money.of("4500.50", "INR"));
	}

	@Test
	void theSignatureIsTheHexHmacOfTheBody() {
		// RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
		assertThat(Signatures.hmacSha256Hex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

}

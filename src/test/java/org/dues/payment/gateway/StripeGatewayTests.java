package org.dues.payment.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.dues.payment.PaymentChannel;
import org.dues.shared.Money;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stripe's Checkout Sessions API and signed webhooks, played by WireMock as Stripe
 * documents them.
 */
class StripeGatewayTests {

	static final String SECRET_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

	static final String ENDPOINT_SECRET = "whsec_test_secret";

	static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	@RegisterExtension
	static WireMockExtension stripe = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	StripeGateway gateway() {
		return new StripeGateway(new StripeProperties(SECRET_KEY, ENDPOINT_SECRET, Duration.ofSeconds(300),
				stripe.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void createsACheckoutSessionFormEncodedWithTheSecretKeyAndAnIdempotencyKey() {
		stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"id":"cs_test_a1b2c3d4e5","object":"checkout.session","amount_total":123450,
					 "client_reference_id":"K7M2Q9XW4P","currency":"usd","mode":"payment","payment_status":"unpaid",
					 "status":"open","url":"https://checkout.stripe.com/c/pay/cs_test_a1b2c3d4e5"}""")));
		Instant linkExpiry = NOW.plus(Duration.ofDays(7));

		Checkout checkout = gateway().checkout(new CheckoutRequest("tok", Money.of("1234.50", "USD"), "K7M2Q9XW4P", 1,
				"Test Card Co · K7M2Q9XW4P", "en", "https://dues.example.com/pay/tok?returned", linkExpiry));

		assertThat(checkout)
			.isEqualTo(new Checkout("https://checkout.stripe.com/c/pay/cs_test_a1b2c3d4e5", "cs_test_a1b2c3d4e5"));
		stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
			.withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
			.withHeader("Idempotency-Key", equalTo("dues-K7M2Q9XW4P-2-123450"))
			.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
			.withFormParam("mode", equalTo("payment"))
			.withFormParam("line_items[0][quantity]", equalTo("1"))
			.withFormParam("line_items[0][price_data][currency]", equalTo("usd"))
			.withFormParam("line_items[0][price_data][unit_amount]", equalTo("123450"))
			.withFormParam("line_items[0][price_data][product_data][name]", equalTo("Test Card Co · K7M2Q9XW4P"))
			.withFormParam("client_reference_id", equalTo("K7M2Q9XW4P"))
			.withFormParam("metadata[link_reference]", equalTo("K7M2Q9XW4P"))
			.withFormParam("payment_intent_data[metadata][link_reference]", equalTo("K7M2Q9XW4P"))
			.withFormParam("success_url", equalTo("https://dues.example.com/pay/tok?returned"))
			.withFormParam("cancel_url", equalTo("https://dues.example.com/pay/tok?returned"))
			// Stripe takes at most 24 hours: 23 from now
			.withFormParam("expires_at", equalTo(Long.toString(NOW.plus(Duration.ofHours(23)).getEpochSecond()))));
	}

	@Test
	void readsACompletedSessionSignedWithinTheTolerance() {
		String body = StripePayloads.sessionCompleted("evt_1NG8Du2eZvKYlo2CUI79vXWy", "K7M2Q9XW4P",
				"pi_3MtwBwLkdIwHu7ix28a3tqPa", 123450, "usd");
		long signedAt = NOW.getEpochSecond() - 299;

		GatewayEvent event = gateway()
			.parse(Map.of("stripe-signature", Hmac.stripe(ENDPOINT_SECRET, signedAt, body)),
					body.getBytes(StandardCharsets.UTF_8))
			.get(0);

		assertThat(event).isEqualTo(new GatewayEvent("evt_1NG8Du2eZvKYlo2CUI79vXWy", "checkout.session.completed",
				GatewayEvent.Type.CAPTURED, "pi_3MtwBwLkdIwHu7ix28a3tqPa", "K7M2Q9XW4P", Money.of("1234.50", "USD"),
				PaymentChannel.CARD, null));
	}

	@Test
	void anyOfSeveralV1SignaturesMayMatchAsWhenASecretIsRolled() {
		String body = StripePayloads.chargeRefunded("evt_refund_1", "pi_3MtwBwLkdIwHu7ix28a3tqPa", 123450, "gbp");
		long t = NOW.getEpochSecond();
		String header = "t=" + t + ",v1=" + Hmac.sha256Hex("whsec_old", t + "." + body) + ",v1="
				+ Hmac.sha256Hex(ENDPOINT_SECRET, t + "." + body)
				+ ",v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39";

		GatewayEvent event = gateway().parse(Map.of("stripe-signature", header), body.getBytes(StandardCharsets.UTF_8))
			.get(0);

		assertThat(event.type()).isEqualTo(GatewayEvent.Type.REFUNDED);
		assertThat(event.gatewayPaymentId()).isEqualTo("pi_3MtwBwLkdIwHu7ix28a3tqPa");
		assertThat(event.amount()).isEqualTo(Money.of("1234.50", "GBP"));
	}

	@Test
	void refusesATimestampOutsideTheToleranceEitherWayAndABadSignature() {
		String body = StripePayloads.disputeCreated("evt_dispute_1", "pi_1", 5000, "usd");
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		long old = NOW.getEpochSecond() - 301;
		long ahead = NOW.getEpochSecond() + 301;

		assertThatThrownBy(
				() -> gateway().parse(Map.of("stripe-signature", Hmac.stripe(ENDPOINT_SECRET, old, body)), bytes))
			.isInstanceOf(WebhookRefusedException.class)
			.hasMessageContaining("tolerance");
		assertThatThrownBy(
				() -> gateway().parse(Map.of("stripe-signature", Hmac.stripe(ENDPOINT_SECRET, ahead, body)), bytes))
			.isInstanceOf(WebhookRefusedException.class)
			.hasMessageContaining("tolerance");
		assertThatThrownBy(() -> gateway()
			.parse(Map.of("stripe-signature", Hmac.stripe("whsec_other", NOW.getEpochSecond(), body)), bytes))
			.isInstanceOf(WebhookRefusedException.class);
		assertThatThrownBy(() -> gateway().parse(Map.of("stripe-signature", "t=" + NOW.getEpochSecond()), bytes))
			.isInstanceOf(WebhookRefusedException.class);
		assertThat(gateway()
			.parse(Map.of("stripe-signature", Hmac.stripe(ENDPOINT_SECRET, NOW.getEpochSecond(), body)), bytes)
			.get(0)
			.type()).isEqualTo(GatewayEvent.Type.CHARGEBACK);
	}

}

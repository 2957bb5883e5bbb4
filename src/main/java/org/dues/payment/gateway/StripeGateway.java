package org.dues.payment.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.dues.payment.PaymentChannel;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Stripe for USD and GBP: a checkout is a Checkout Session
 * ({@code POST /v1/checkout/sessions}, form-encoded, the secret key as bearer token, an
 * {@code Idempotency-Key}); webhooks are signed in {@code Stripe-Signature: t=…,v1=…} as
 * stripe-java's {@code Webhook.Signature} checks them: the hex HMAC-SHA256 of
 * {@code t + "." + body} under the endpoint's secret must equal one of the {@code v1}
 * signatures, and {@code t} must lie within the tolerance of the clock (both ways here;
 * Stripe's library refuses only the old).
 */
class StripeGateway implements Gateway {

	static final String NAME = "stripe";

	private final StripeProperties properties;

	private final RestClient http;

	private final Clock clock;

	StripeGateway(StripeProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.http = GatewayHttp.client(properties.baseUrl(), properties.connectTimeout(), properties.readTimeout());
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean handles(Currency currency) {
		return List.of("USD", "GBP").contains(currency.getCurrencyCode());
	}

	@Override
	public Checkout checkout(CheckoutRequest request) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("mode", "payment");
		form.add("line_items[0][quantity]", "1");
		form.add("line_items[0][price_data][currency]", request.amount().currencyCode().toLowerCase(Locale.ROOT));
		form.add("line_items[0][price_data][unit_amount]", Long.toString(GatewayHttp.minorUnits(request.amount())));
		form.add("line_items[0][price_data][product_data][name]", request.description());
		form.add("client_reference_id", request.reference());
		form.add("metadata[link_reference]", request.reference());
		form.add("payment_intent_data[metadata][link_reference]", request.reference());
		form.add("success_url", request.returnUrl());
		form.add("cancel_url", request.returnUrl());
		// Stripe takes 30 minutes to 24 hours
		Instant now = this.clock.instant();
		Instant expires = request.expiresAt().isAfter(now.plus(Duration.ofHours(23))) ? now.plus(Duration.ofHours(23))
				: request.expiresAt().isBefore(now.plus(Duration.ofMinutes(31))) ? now.plus(Duration.ofMinutes(31))
						: request.expiresAt();
		form.add("expires_at", Long.toString(expires.getEpochSecond()));
		form.add("locale", "en".equals(request.language()) ? "en" : "auto");
		JsonNode answer = GatewayHttp.exchange(NAME,
				this.http.post()
					.uri("/v1/checkout/sessions")
					.header("Authorization", "Bearer " + this.properties.secretKey())
					.header("Idempotency-Key",
							"dues-" + request.reference() + "-" + (request.attempt() + 1) + "-"
									+ GatewayHttp.minorUnits(request.amount()))
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(form));
		String id = GatewayHttp.text(answer, "id");
		String url = GatewayHttp.text(answer, "url");
		if (id == null || url == null) {
			throw new GatewayException("Stripe answered without a Checkout Session's id and url");
		}
		return new Checkout(url, id);
	}

	@Override
	public List<GatewayEvent> parse(Map<String, String> headers, byte[] body) {
		verify(headers.get("stripe-signature"), body);
		JsonNode json = GatewayHttp.read(body);
		String eventId = GatewayHttp.text(json, "id");
		String type = json.path("type").asString("");
		if (eventId == null) {
			throw new WebhookRefusedException("the event has no id");
		}
		JsonNode object = json.path("data").path("object");
		String linkReference = GatewayHttp.text(object.path("metadata"), "link_reference");
		if (linkReference == null) {
			linkReference = GatewayHttp.text(object, "client_reference_id");
		}
		String intent = GatewayHttp.text(object, "payment_intent");
		return List.of(switch (type) {
			case "checkout.session.completed", "checkout.session.async_payment_succeeded" ->
				"paid".equals(object.path("payment_status").asString(""))
						? new GatewayEvent(eventId, type, GatewayEvent.Type.CAPTURED, intent, linkReference,
								amount(object, "amount_total"), PaymentChannel.CARD, null)
						: ignored(eventId, type);
			case "checkout.session.async_payment_failed" ->
				new GatewayEvent(eventId, type, GatewayEvent.Type.FAILED, intent, linkReference,
						amount(object, "amount_total"), PaymentChannel.CARD, "the payment failed after checkout");
			case "payment_intent.payment_failed" -> new GatewayEvent(eventId, type, GatewayEvent.Type.FAILED,
					GatewayHttp.text(object, "id"), linkReference, amount(object, "amount"), PaymentChannel.CARD,
					GatewayHttp.text(object.path("last_payment_error"), "message"));
			// amount_refunded is the charge's total refunded so far; its latest refund
			// comes first
			case "charge.refunded" -> new GatewayEvent(eventId, type, GatewayEvent.Type.REFUNDED, intent, linkReference,
					amount(object, "amount_refunded"), PaymentChannel.CARD,
					"refunded at Stripe (" + object.path("id").asString("") + ")",
					GatewayHttp.text(object.path("refunds").path("data").path(0), "id"),
					amount(object, "amount_refunded"));
			// a dispute may be of part of the charge: its amount is what is disputed
			case "charge.dispute.created" -> new GatewayEvent(eventId, type, GatewayEvent.Type.CHARGEBACK, intent,
					linkReference, amount(object, "amount"), PaymentChannel.CARD,
					"chargeback at Stripe: " + object.path("reason").asString("no reason given"),
					GatewayHttp.text(object, "id"), null);
			// a dispute closed in the merchant's favour (won; an inquiry closed without a
			// chargeback), or its funds given back: what the chargeback took is paid
			// again,
			// once per dispute whichever of the two comes first
			case "charge.dispute.closed" -> switch (object.path("status").asString("")) {
				case "won", "warning_closed" -> reinstated(eventId, type, object, intent, linkReference);
				default -> ignored(eventId, type);
			};
			case "charge.dispute.funds_reinstated" -> reinstated(eventId, type, object, intent, linkReference);
			default -> ignored(eventId, type);
		});
	}

	private static GatewayEvent reinstated(String eventId, String type, JsonNode dispute, @Nullable String intent,
			@Nullable String linkReference) {
		return new GatewayEvent(eventId, type, GatewayEvent.Type.REINSTATED, intent, linkReference,
				amount(dispute, "amount"), PaymentChannel.CARD,
				"chargeback won at Stripe (" + dispute.path("status").asString("funds reinstated") + ")",
				GatewayHttp.text(dispute, "id"), null);
	}

	private void verify(@Nullable String header, byte[] body) {
		if (header == null) {
			throw new WebhookRefusedException("Stripe-Signature is missing");
		}
		long timestamp = -1;
		List<String> signatures = new ArrayList<>();
		for (String item : header.split(",")) {
			String[] pair = item.strip().split("=", 2);
			if (pair.length != 2) {
				continue;
			}
			if ("t".equals(pair[0])) {
				try {
					timestamp = Long.parseLong(pair[1]);
				}
				catch (NumberFormatException ex) {
					timestamp = -1;
				}
			}
			else if ("v1".equals(pair[0])) {
				signatures.add(pair[1]);
			}
		}
		if (timestamp <= 0) {
			throw new WebhookRefusedException("Stripe-Signature has no timestamp");
		}
		if (signatures.isEmpty()) {
			throw new WebhookRefusedException("Stripe-Signature has no v1 signature");
		}
		byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
		byte[] signed = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, signed, 0, prefix.length);
		System.arraycopy(body, 0, signed, prefix.length, body.length);
		String expected = Signatures.hmacSha256Hex(String.valueOf(this.properties.webhookSecret()), signed);
		if (signatures.stream().noneMatch((s) -> Signatures.same(expected, s))) {
			throw new WebhookRefusedException("no v1 signature in Stripe-Signature matches the body");
		}
		long skew = Math.abs(this.clock.instant().getEpochSecond() - timestamp);
		if (skew > this.properties.tolerance().toSeconds()) {
			throw new WebhookRefusedException("the signed timestamp is %d s from now, outside the tolerance of %d s"
				.formatted(skew, this.properties.tolerance().toSeconds()));
		}
	}

	private static GatewayEvent ignored(String eventId, String type) {
		return new GatewayEvent(eventId, type, null, null, null, null, PaymentChannel.CARD, null);
	}

	private static @Nullable Money amount(JsonNode object, String field) {
		JsonNode amount = object.path(field);
		String currency = GatewayHttp.text(object, "currency");
		return (amount.isIntegralNumber() && currency != null) ? GatewayHttp.fromMinorUnits(amount.asLong(), currency)
				: null;
	}

}

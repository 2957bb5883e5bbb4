package org.dues.payment.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.dues.payment.PaymentChannel;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Razorpay for INR: a checkout is a Payment Link ({@code POST /v1/payment_links}, HTTP
 * Basic with the key id and secret, the amount in paise); webhooks are signed with
 * {@code X-Razorpay-Signature}, the hex HMAC-SHA256 of the raw body under the webhook
 * secret (as {@code com.razorpay.Utils.verifyWebhookSignature} checks it), and carry
 * their id in {@code x-razorpay-event-id}.
 */
class RazorpayGateway implements Gateway {

	static final String NAME = "razorpay";

	private final RazorpayProperties properties;

	private final RestClient http;

	RazorpayGateway(RazorpayProperties properties) {
		this.properties = properties;
		this.http = GatewayHttp.client(properties.baseUrl(), properties.connectTimeout(), properties.readTimeout());
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean handles(Currency currency) {
		return "INR".equals(currency.getCurrencyCode());
	}

	@Override
	public Checkout checkout(CheckoutRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("amount", GatewayHttp.minorUnits(request.amount()));
		body.put("currency", request.amount().currencyCode());
		body.put("accept_partial", false);
		// unique per payment link at Razorpay: the link's reference and the attempt
		body.put("reference_id", request.reference() + "-" + (request.attempt() + 1));
		body.put("description", request.description());
		body.put("notify", Map.of("sms", false, "email", false));
		body.put("reminder_enable", false);
		body.put("callback_url", request.returnUrl());
		body.put("callback_method", "get");
		body.put("expire_by", request.expiresAt().getEpochSecond());
		body.put("notes", Map.of("link_reference", request.reference()));
		String basic = Base64.getEncoder()
			.encodeToString(
					(this.properties.keyId() + ":" + this.properties.keySecret()).getBytes(StandardCharsets.UTF_8));
		JsonNode answer = GatewayHttp.exchange(NAME,
				this.http.post()
					.uri("/v1/payment_links")
					.header("Authorization", "Basic " + basic)
					.contentType(MediaType.APPLICATION_JSON)
					.body(body));
		String id = GatewayHttp.text(answer, "id");
		String url = GatewayHttp.text(answer, "short_url");
		if (id == null || url == null) {
			throw new GatewayException("Razorpay answered without a payment link's id and short_url");
		}
		return new Checkout(url, id);
	}

	@Override
	public List<GatewayEvent> parse(Map<String, String> headers, byte[] body) {
		String signature = headers.get("x-razorpay-signature");
		if (signature == null || !Signatures
			.same(Signatures.hmacSha256Hex(String.valueOf(this.properties.webhookSecret()), body), signature)) {
			throw new WebhookRefusedException("X-Razorpay-Signature does not verify");
		}
		JsonNode json = GatewayHttp.read(body);
		String event = json.path("event").asString("");
		String eventId = headers.get("x-razorpay-event-id");
		if (eventId == null || eventId.isBlank()) {
			throw new WebhookRefusedException("x-razorpay-event-id is missing");
		}
		JsonNode payload = json.path("payload");
		JsonNode payment = payload.path("payment").path("entity");
		return List.of(switch (event) {
			case "payment_link.paid" -> new GatewayEvent(eventId, event, GatewayEvent.Type.CAPTURED,
					GatewayHttp.text(payment, "id"), reference(payload.path("payment_link").path("entity"), payment),
					amount(payment), channel(payment), null);
			case "payment.captured" -> new GatewayEvent(eventId, event, GatewayEvent.Type.CAPTURED,
					GatewayHttp.text(payment, "id"), reference(null, payment), amount(payment), channel(payment), null);
			case "payment.failed" -> new GatewayEvent(eventId, event, GatewayEvent.Type.FAILED,
					GatewayHttp.text(payment, "id"), reference(null, payment), amount(payment), channel(payment),
					GatewayHttp.text(payment, "error_description"));
			case "refund.processed", "refund.created" ->
				refund(eventId, event, payload.path("refund").path("entity"), payment);
			case "payment.refunded" -> new GatewayEvent(eventId, event, GatewayEvent.Type.REFUNDED,
					GatewayHttp.text(payment, "id"), null, refunded(payment), PaymentChannel.PAYMENT_LINK,
					"refunded at Razorpay (" + payment.path("refund_status").asString("") + ")", null,
					refunded(payment));
			case "payment.dispute.created" -> dispute(eventId, event, payload.path("dispute").path("entity"), payment);
			// the merchant won: the amount deducted for the chargeback is credited back
			case "payment.dispute.won" -> {
				JsonNode dispute = payload.path("dispute").path("entity");
				String paymentId = GatewayHttp.text(dispute, "payment_id");
				yield new GatewayEvent(eventId, event, GatewayEvent.Type.REINSTATED,
						paymentId != null ? paymentId : GatewayHttp.text(payment, "id"), null, amount(dispute),
						PaymentChannel.PAYMENT_LINK, "chargeback won at Razorpay", GatewayHttp.text(dispute, "id"),
						null);
			}
			default -> new GatewayEvent(eventId, event, null, null, null, null, PaymentChannel.PAYMENT_LINK, null);
		});
	}

	private static GatewayEvent refund(String eventId, String event, JsonNode refund, JsonNode payment) {
		String id = GatewayHttp.text(refund, "id");
		return new GatewayEvent(eventId, event, GatewayEvent.Type.REFUNDED, GatewayHttp.text(refund, "payment_id"),
				null, amount(refund), PaymentChannel.PAYMENT_LINK,
				"refunded at Razorpay (" + (id == null ? "" : id) + ")", id,
				payment.has("amount_refunded") ? refunded(payment) : null);
	}

	/**
	 * The total refunded of a payment so far, {@code amount_refunded} in the payment's
	 * currency.
	 */
	private static @Nullable Money refunded(JsonNode payment) {
		JsonNode total = payment.path("amount_refunded");
		String currency = GatewayHttp.text(payment, "currency");
		return (total.isIntegralNumber() && currency != null) ? GatewayHttp.fromMinorUnits(total.asLong(), currency)
				: null;
	}

	private static GatewayEvent dispute(String eventId, String event, JsonNode dispute, JsonNode payment) {
		String paymentId = GatewayHttp.text(dispute, "payment_id");
		String reason = GatewayHttp.text(dispute, "reason_description");
		return new GatewayEvent(eventId, event, GatewayEvent.Type.CHARGEBACK,
				paymentId != null ? paymentId : GatewayHttp.text(payment, "id"), null, amount(dispute),
				PaymentChannel.PAYMENT_LINK,
				"chargeback at Razorpay: "
						+ (reason != null ? reason : dispute.path("reason_code").asString("no reason given")),
				GatewayHttp.text(dispute, "id"), null);
	}

	private static @Nullable String reference(@Nullable JsonNode link, JsonNode payment) {
		String fromNotes = GatewayHttp.text(payment.path("notes"), "link_reference");
		if (fromNotes != null) {
			return fromNotes;
		}
		if (link != null) {
			String linkNotes = GatewayHttp.text(link.path("notes"), "link_reference");
			if (linkNotes != null) {
				return linkNotes;
			}
			String reference = GatewayHttp.text(link, "reference_id");
			// the reference and the attempt: ABCDEFGH23-2
			return reference == null ? null : reference.replaceFirst("-\\d+$", "");
		}
		return null;
	}

	private static @Nullable Money amount(JsonNode entity) {
		JsonNode amount = entity.path("amount");
		String currency = GatewayHttp.text(entity, "currency");
		return (amount.isIntegralNumber() && currency != null) ? GatewayHttp.fromMinorUnits(amount.asLong(), currency)
				: null;
	}

	private static PaymentChannel channel(JsonNode payment) {
		return switch (payment.path("method").asString("")) {
			case "upi" -> PaymentChannel.UPI;
			case "card" -> PaymentChannel.CARD;
			case "netbanking" -> PaymentChannel.NETBANKING;
			case "wallet" -> PaymentChannel.WALLET;
			default -> PaymentChannel.PAYMENT_LINK;
		};
	}

}

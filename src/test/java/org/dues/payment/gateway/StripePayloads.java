package org.dues.payment.gateway;

/**
 * Stripe's event objects as its API reference shows them, trimmed of fields Dues does not
 * read.
 */
final class StripePayloads {

	private StripePayloads() {
	}

	static String sessionCompleted(String eventId, String reference, String intent, long cents, String currency) {
		return """
				{"id":"%1$s","object":"event","api_version":"2025-09-30.clover","created":1764151200,
				 "data":{"object":{"id":"cs_test_a1b2c3d4e5","object":"checkout.session","amount_subtotal":%4$d,
				  "amount_total":%4$d,"client_reference_id":"%2$s","currency":"%5$s","customer":null,
				  "customer_details":{"email":"maria@example.com","name":"Maria Garcia"},"livemode":false,
				  "metadata":{"link_reference":"%2$s"},"mode":"payment","payment_intent":"%3$s",
				  "payment_status":"paid","status":"complete","success_url":"https://dues.example.com/pay/tok?returned"}},
				 "livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},
				 "type":"checkout.session.completed"}"""
			.formatted(eventId, reference, intent, cents, currency);
	}

	static String chargeRefunded(String eventId, String intent, long cents, String currency) {
		return """
				{"id":"%1$s","object":"event","api_version":"2025-09-30.clover","created":1764237600,
				 "data":{"object":{"id":"ch_3MmlLrLkdIwHu7ix0snN0B15","object":"charge","amount":%3$d,
				  "amount_captured":%3$d,"amount_refunded":%3$d,"currency":"%4$s","paid":true,
				  "payment_intent":"%2$s","refunded":true,"status":"succeeded","metadata":{}}},
				 "livemode":false,"pending_webhooks":1,"type":"charge.refunded"}""".formatted(eventId, intent, cents,
				currency);
	}

	static String disputeCreated(String eventId, String intent, long cents, String currency) {
		return """
				{"id":"%1$s","object":"event","created":1764237600,
				 "data":{"object":{"id":"dp_1MtJUT2eZvKYlo2CNaw2HvEv","object":"dispute","amount":%3$d,
				  "charge":"ch_3MmlLrLkdIwHu7ix0snN0B15","currency":"%4$s","payment_intent":"%2$s",
				  "reason":"fraudulent","status":"needs_response","metadata":{}}},
				 "type":"charge.dispute.created"}""".formatted(eventId, intent, cents, currency);
	}

	/**
	 * A dispute's later events: charge.dispute.closed (with its {@code status}: won,
	 * lost, warning_closed) or charge.dispute.funds_reinstated.
	 */
	static String disputeLater(String eventId, String type, String intent, long cents, String status) {
		return """
				{"id":"%1$s","object":"event","created":1764840000,
				 "data":{"object":{"id":"dp_1MtJUT2eZvKYlo2CNaw2HvEv","object":"dispute","amount":%3$d,
				  "charge":"ch_3MmlLrLkdIwHu7ix0snN0B15","currency":"usd","payment_intent":"%2$s",
				  "reason":"fraudulent","status":"%4$s","metadata":{}}},
				 "type":"%5$s"}""".formatted(eventId, intent, cents, status, type);
	}

	/**
	 * charge.refunded after a partial refund: the total refunded so far, the latest
	 * refund first.
	 */
	static String chargePartlyRefunded(String eventId, String intent, long cents, long refundedCents, String refund,
			String currency) {
		return """
				{"id":"%1$s","object":"event","api_version":"2025-09-30.clover","created":1764237600,
				 "data":{"object":{"id":"ch_3MmlLrLkdIwHu7ix0snN0B15","object":"charge","amount":%3$d,
				  "amount_captured":%3$d,"amount_refunded":%4$d,"currency":"%6$s","paid":true,
				  "payment_intent":"%2$s","refunded":false,"status":"succeeded","metadata":{},
				  "refunds":{"object":"list","data":[{"id":"%5$s","object":"refund","amount":100,
				   "charge":"ch_3MmlLrLkdIwHu7ix0snN0B15","currency":"%6$s","status":"succeeded"}],
				   "has_more":false}}},
				 "livemode":false,"pending_webhooks":1,"type":"charge.refunded"}""".formatted(eventId, intent, cents,
				refundedCents, refund, currency);
	}

}

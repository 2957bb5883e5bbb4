package org.dues.payment.gateway;

/**
 * Webhook bodies as Razorpay documents them (Payment Links and Payments webhooks),
 * trimmed of fields Dues does not read.
 */
final class RazorpayPayloads {

	private RazorpayPayloads() {
	}

	static String linkPaid(String reference, String paymentId, long paise, String method) {
		return """
				{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment_link.paid",
				 "contains":["payment_link","order","payment"],
				 "payload":{
				  "payment_link":{"entity":{"accept_partial":false,"amount":%2$d,"amount_paid":%2$d,"cancelled_at":0,
				   "created_at":1764150000,"currency":"INR","customer":{},"description":"Test NBFC · %1$s",
				   "expire_by":1764754800,"expired_at":0,"first_min_partial_amount":0,"id":"plink_KBnb7I424Rc1R9",
				   "notes":{"link_reference":"%1$s"},"notify":{"email":false,"sms":false},
				   "order_id":"order_KBnbGVxVEBjQCV","reference_id":"%1$s-1","reminder_enable":false,
				   "short_url":"https://rzp.io/i/w3CjzLc","status":"paid","updated_at":1764150300,"upi_link":false}},
				  "order":{"entity":{"amount":%2$d,"amount_due":0,"amount_paid":%2$d,"currency":"INR",
				   "id":"order_KBnbGVxVEBjQCV","status":"paid"}},
				  "payment":{"entity":{"id":"%3$s","entity":"payment","amount":%2$d,"currency":"INR",
				   "status":"captured","order_id":"order_KBnbGVxVEBjQCV","invoice_id":null,"international":false,
				   "method":"%4$s","amount_refunded":0,"refund_status":null,"captured":true,
				   "description":"#KBnbPMxTL9Ag4I","card_id":null,"bank":null,"wallet":null,
				   "vpa":"gaurav.kumar@exampleupi","email":"gaurav.kumar@example.com","contact":"+919000090000",
				   "notes":[],"fee":900,"tax":0,"error_code":null,"error_description":null,"created_at":1764150290}}},
				 "created_at":1764150300}""".formatted(reference, paise, paymentId, method);
	}

	static String paymentFailed(String reference, String paymentId, long paise) {
		return """
				{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment.failed","contains":["payment"],
				 "payload":{"payment":{"entity":{"id":"%2$s","entity":"payment","amount":%3$d,"currency":"INR",
				  "status":"failed","method":"card","captured":false,"notes":{"link_reference":"%1$s"},
				  "error_code":"BAD_REQUEST_ERROR","error_description":"Payment processing failed because of incorrect OTP",
				  "error_source":"customer","error_step":"payment_authentication","error_reason":"incorrect_otp",
				  "created_at":1764150290}}},
				 "created_at":1764150300}"""
			.formatted(reference, paymentId, paise);
	}

	static String refundProcessed(String paymentId, long paise) {
		return """
				{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"refund.processed",
				 "contains":["refund","payment"],
				 "payload":{"refund":{"entity":{"id":"rfnd_FP8QHiV938haTz","entity":"refund","amount":%2$d,
				  "currency":"INR","payment_id":"%1$s","notes":[],"receipt":null,"acquirer_data":{"arn":null},
				  "created_at":1764236700,"batch_id":null,"status":"processed","speed_processed":"normal",
				  "speed_requested":"normal"}},
				  "payment":{"entity":{"id":"%1$s","entity":"payment","amount":%2$d,"currency":"INR",
				   "status":"refunded","method":"upi","amount_refunded":%2$d,"refund_status":"full",
				   "captured":true,"notes":[],"created_at":1764150290}}},
				 "created_at":1764236700}""".formatted(paymentId, paise);
	}

	/**
	 * A refund of part of a payment: this refund's amount, and the payment's total
	 * refunded so far.
	 */
	static String partialRefund(String refundId, String paymentId, long paymentPaise, long refundPaise,
			long refundedPaise) {
		return """
				{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"refund.processed",
				 "contains":["refund","payment"],
				 "payload":{"refund":{"entity":{"id":"%1$s","entity":"refund","amount":%4$d,
				  "currency":"INR","payment_id":"%2$s","notes":[],"receipt":null,"acquirer_data":{"arn":null},
				  "created_at":1764236700,"batch_id":null,"status":"processed","speed_processed":"normal",
				  "speed_requested":"normal"}},
				  "payment":{"entity":{"id":"%2$s","entity":"payment","amount":%3$d,"currency":"INR",
				   "status":"captured","method":"upi","amount_refunded":%5$d,"refund_status":"partial",
				   "captured":true,"notes":[],"created_at":1764150290}}},
				 "created_at":1764236700}""".formatted(refundId, paymentId, paymentPaise, refundPaise, refundedPaise);
	}

	/** Razorpay's payment.refunded: the payment with its total refunded so far. */
	static String paymentRefunded(String paymentId, long paymentPaise, long refundedPaise) {
		return """
				{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment.refunded","contains":["payment"],
				 "payload":{"payment":{"entity":{"id":"%1$s","entity":"payment","amount":%2$d,"currency":"INR",
				   "status":"captured","method":"upi","amount_refunded":%3$d,"refund_status":"partial",
				   "captured":true,"notes":[],"created_at":1764150290}}},
				 "created_at":1764236800}""".formatted(paymentId, paymentPaise, refundedPaise);
	}

	/**
	 * A dispute of a payment, as Razorpay's payment.dispute.created and
	 * payment.dispute.won tell it ({@code event}): the dispute's id, the payment, the
	 * amount disputed.
	 */
	static String dispute(String event, String disputeId, String paymentId, long paymentPaise, long disputedPaise) {
		return """
				{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"%1$s","contains":["payment","dispute"],
				 "payload":{"payment":{"entity":{"id":"%3$s","entity":"payment","amount":%4$d,"currency":"INR",
				   "status":"captured","method":"card","amount_refunded":0,"captured":true,"notes":[],
				   "created_at":1764150290}},
				  "dispute":{"entity":{"id":"%2$s","entity":"dispute","payment_id":"%3$s","amount":%5$d,
				   "currency":"INR","amount_deducted":%5$d,"reason_code":"pre_arbitration",
				   "reason_description":"Customer says the goods were not received","respond_by":1764841200,
				   "status":"%6$s","phase":"chargeback","created_at":1764236700,"evidence":null}}},
				 "created_at":1764236700}""".formatted(event, disputeId, paymentId, paymentPaise, disputedPaise,
				event.endsWith(".won") ? "won" : "open");
	}

}

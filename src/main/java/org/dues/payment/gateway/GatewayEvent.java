package org.dues.payment.gateway;

import org.dues.payment.PaymentChannel;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * One event a gateway reported.
 *
 * @param eventId the gateway's id of the event, the key of idempotency
 * @param gatewayType the gateway's own name of the event ({@code payment.captured})
 * @param type what it means to Dues, or null for an event Dues does not act on
 * @param gatewayPaymentId the gateway's payment id ({@code pay_…}, {@code pi_…})
 * @param linkReference the link's reference as the gateway carried it back
 * @param refundId a refund's own id ({@code rfnd_…}, {@code re_…}), or a dispute's
 * @param refundedTotal for a refund, the total refunded of the payment so far, where the
 * gateway says ({@code amount_refunded})
 */
record GatewayEvent(String eventId, String gatewayType, @Nullable Type type, @Nullable String gatewayPaymentId,
		@Nullable String linkReference, @Nullable Money amount, PaymentChannel channel, @Nullable String reason,
		@Nullable String refundId, @Nullable Money refundedTotal) {

	GatewayEvent(String eventId, String gatewayType, @Nullable Type type, @Nullable String gatewayPaymentId,
			@Nullable String linkReference, @Nullable Money amount, PaymentChannel channel, @Nullable String reason) {
		this(eventId, gatewayType, type, gatewayPaymentId, linkReference, amount, channel, reason, null, null);
	}

	enum Type {

		CAPTURED, FAILED, REFUNDED, CHARGEBACK,

		/** A chargeback the merchant won: the disputed amount is the creditor's again. */
		REINSTATED

	}

}

package org.dues.payment;

import java.time.Instant;
import java.time.LocalDate;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.Amounts;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payment as read, with how the waterfall allocated it.
 *
 * @param allocation the signed change the payment made to each balance component
 * @param receiptNumber the receipt's number ({@link ReceiptView#number()})
 * @param refunded what gateways refunded of it in part ({@link PaymentManagement#refund})
 */
public record PaymentView(PaymentId id, AccountId accountId, String reference, Money amount, PaymentChannel channel,
		LocalDate receivedOn, PaymentStatus status, Amounts allocation, Instant recordedAt, String recordedBy,
		@Nullable Instant reversedAt, @Nullable String reversalReason, @Nullable String receiptNumber, Money refunded) {

	/**
	 * What of the payment stands: its amount less what was refunded (nothing once
	 * reversed).
	 */
	public Money remaining() {
		return this.status == PaymentStatus.REVERSED ? Money.zero(this.amount.currency())
				: this.amount.minus(this.refunded);
	}

}

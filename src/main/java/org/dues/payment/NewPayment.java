package org.dues.payment;

import java.time.LocalDate;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payment to post, checked for form by the caller.
 *
 * @param receivedOn when the money was received; today in the creditor's zone when null
 * @param receiptBookNumber the receipt book leaf ({@code SERIES/NUMBER}) written for cash
 * or a cheque collected in the field; required of an agent who holds a book with unused
 * leaves
 * @param collectedBy who collected it, when someone posts on a field agent's behalf;
 * default whoever posts
 */
public record NewPayment(Money amount, PaymentChannel channel, String reference, @Nullable LocalDate receivedOn,
		@Nullable String receiptBookNumber, @Nullable String collectedBy) {

	/** A payment written on no receipt book. */
	public NewPayment(Money amount, PaymentChannel channel, String reference, @Nullable LocalDate receivedOn) {
		this(amount, channel, reference, receivedOn, null, null);
	}

	/** Whether it is money handed over in the field: cash or a cheque. */
	boolean inHand() {
		return this.channel == PaymentChannel.CASH || this.channel == PaymentChannel.CHEQUE;
	}

}

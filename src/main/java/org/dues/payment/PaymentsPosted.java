package org.dues.payment;

import java.util.List;

/**
 * Many payments were posted together (a bank statement's batch), each as a
 * {@link PaymentPosted} would announce it. One event for the batch: a listener reacts to
 * each payment as it reacts to a {@link PaymentPosted}, once the batch has committed,
 * without a publication (and an executor's thread) per payment and listener.
 */
public record PaymentsPosted(List<PaymentPosted> payments) {

	public PaymentsPosted {
		payments = List.copyOf(payments);
	}

}

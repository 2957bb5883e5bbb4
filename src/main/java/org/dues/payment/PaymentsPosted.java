package org.dues.payment;

import java.util.List;

/**
 * Many payments were posted together (a bank statement's batch), each as a
 * {@link PaymentPosted} would announce it. One event for the batch: a listener reacts to
 * each payment as it reacts to a {@link PaymentPosted}, once the batch has committed,
 * without a publication (and an executor's thread) per payment and listener; a large
 * batch in parts of {@link #MOST}.
 */
public record PaymentsPosted(List<PaymentPosted> payments) {

	/**
	 * The most payments one event announces: a larger batch is announced in parts, so
	 * that each publication (kept as JSON until its listeners are done) and each
	 * listener's transaction stays small.
	 */
	public static final int MOST = 1000;

	public PaymentsPosted {
		payments = List.copyOf(payments);
	}

}

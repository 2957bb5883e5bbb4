package org.dues.payment;

import java.util.UUID;

/**
 * Many payments were posted together (a bank statement's batch), each as a
 * {@link PaymentPosted} would announce it: the payments at places {@code from} (included)
 * to {@code to} (excluded) of the batch, at most {@link #MOST}. The event names them
 * instead of carrying them, so that a batch of 100,000 payments is a few small
 * publications and a listener holds one part at a time: it reads its part with
 * {@link PaymentManagement#posted(PaymentsPosted)} and reacts to each payment as to a
 * {@link PaymentPosted}, once the batch has committed.
 */
public record PaymentsPosted(UUID batch, int from, int to) {

	/**
	 * The most payments one event names: a larger batch is announced in parts, so that
	 * each listener's transaction stays small.
	 */
	public static final int MOST = 1000;

	public PaymentsPosted {
		if (from < 0 || to <= from || to - from > MOST) {
			throw new IllegalArgumentException(
					"a part of a batch is 1 to %d payments, not %d to %d".formatted(MOST, from, to));
		}
	}

}

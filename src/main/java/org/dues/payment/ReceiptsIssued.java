package org.dues.payment;

import java.util.UUID;

/**
 * Many payments posted together (a bank statement's batch) were given their receipts,
 * each as a {@link ReceiptIssued} would say: those of the payments at places {@code from}
 * (included) to {@code to} (excluded) of the batch, as {@link PaymentsPosted} names them.
 * A listener reads them with {@link PaymentManagement#receipted(ReceiptsIssued)}.
 */
public record ReceiptsIssued(UUID batch, int from, int to) {

	public ReceiptsIssued {
		if (from < 0 || to <= from || to - from > PaymentsPosted.MOST) {
			throw new IllegalArgumentException(
					"a part of a batch is 1 to %d payments, not %d to %d".formatted(PaymentsPosted.MOST, from, to));
		}
	}

}

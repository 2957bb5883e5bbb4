package org.dues.payment;

import java.util.List;

/**
 * Many payments posted together (a bank statement's batch) were given their receipts,
 * each as a {@link ReceiptIssued} would say: one event for the batch, so that a listener
 * reacts to each receipt without a publication per receipt.
 */
public record ReceiptsIssued(List<ReceiptIssued> receipts) {

	public ReceiptsIssued {
		receipts = List.copyOf(receipts);
	}

}

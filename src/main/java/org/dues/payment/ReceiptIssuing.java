package org.dues.payment;

import org.dues.portfolio.CreditorView;
import org.dues.shared.InvalidInputException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a payment being posted its receipt, in the posting's transaction: the next number
 * of the creditor's series, and for cash or a cheque collected in the field the receipt
 * book leaf the collector wrote, which then is the number the customer holds. A collector
 * who holds a book with unused leaves must name the leaf; one who holds none (a branch
 * counter) need not.
 */
@Component
class ReceiptIssuing {

	private final Receipts receipts;

	private final ReceiptBooks books;

	ReceiptIssuing(Receipts receipts, ReceiptBooks books) {
		this.receipts = receipts;
		this.books = books;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	ReceiptView issue(CreditorView creditor, PaymentId id, NewPayment payment, String who) {
		String collector = (payment.collectedBy() == null || payment.collectedBy().isBlank()) ? who
				: payment.collectedBy().strip();
		String leaf = null;
		if (payment.receiptBookNumber() != null && !payment.receiptBookNumber().isBlank()) {
			if (!payment.inHand()) {
				throw new InvalidInputException(ReceiptBooks.FIELD,
						"only cash or a cheque is written on a receipt book, not " + payment.channel());
			}
			leaf = this.books.use(payment.receiptBookNumber(), collector, id);
		}
		else if (payment.inHand() && this.books.holdsOpenBook(collector)) {
			throw new InvalidInputException(ReceiptBooks.FIELD,
					"is required: %s holds a receipt book, and cash or a cheque they collected is written on one"
						.formatted(collector));
		}
		return this.receipts.issue(creditor, id, leaf);
	}

}

package org.dues.payment;

import org.dues.portfolio.AccountId;

/**
 * A posted payment was given its receipt. Published in the posting's transaction, so a
 * listener that reacts after commit (sending the receipt to the customer) never hears of
 * a posting that rolled back.
 *
 * @param receiptNumber the number the customer holds ({@link ReceiptView#number()})
 */
public record ReceiptIssued(PaymentId payment, AccountId account, String receiptNumber) {
}

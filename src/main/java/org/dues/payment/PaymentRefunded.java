package org.dues.payment;

import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.shared.Money;

/**
 * Part of a posted payment was refunded and the ledger gave back exactly that amount; the
 * payment stands for the rest. (A refund that brings the refunds to the payment's amount
 * is announced as {@link PaymentReversed} of that last part.)
 *
 * @param refund the refund's own id, one per refund
 */
public record PaymentRefunded(PaymentId payment, AccountId account, UUID refund, Money amount, String reason) {
}

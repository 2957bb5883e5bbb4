package org.dues.payment;

import org.dues.portfolio.AccountId;
import org.dues.shared.Money;

/**
 * A posted payment was reversed (bounced, charged back, posted in error) and the balances
 * it reduced were restored.
 */
public record PaymentReversed(PaymentId payment, AccountId account, Money amount, String reason) {
}

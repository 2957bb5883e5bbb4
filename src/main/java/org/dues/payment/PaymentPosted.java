package org.dues.payment;

import org.dues.portfolio.AccountId;
import org.dues.shared.Money;

/**
 * A payment was posted to an account's ledger. Published once per payment, not on a
 * repeated request with the same reference.
 */
public record PaymentPosted(PaymentId payment, AccountId account, Money amount) {
}

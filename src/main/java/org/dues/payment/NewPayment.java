package org.dues.payment;

import java.time.LocalDate;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payment to post, checked for form by the caller.
 *
 * @param receivedOn when the money was received; today in the creditor's zone when null
 */
public record NewPayment(Money amount, PaymentChannel channel, String reference, @Nullable LocalDate receivedOn) {
}

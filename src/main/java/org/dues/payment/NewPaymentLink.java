package org.dues.payment;

import java.time.LocalDate;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payment link to create.
 *
 * @param amount the amount asked; null for the purpose's default (the overdue, the
 * balance, the instalment)
 * @param minAmount the least the customer may pay, for a link whose amount they choose;
 * null for none (or, for {@link LinkPurpose#CUSTOM}, the creditor's share of the amount)
 * @param expiresOn the last day the link may be paid, in the creditor's zone; null for
 * the creditor's default
 * @param singleUse whether the first payment closes the link; otherwise it stays open
 * until what was paid reaches the amount
 */
public record NewPaymentLink(LinkPurpose purpose, @Nullable Money amount, @Nullable Money minAmount,
		@Nullable LocalDate expiresOn, boolean singleUse) {

	/** A single-use link for the purpose's default amount and expiry. */
	public static NewPaymentLink of(LinkPurpose purpose) {
		return new NewPaymentLink(purpose, null, null, null, true);
	}

}

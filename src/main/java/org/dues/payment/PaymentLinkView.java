package org.dues.payment;

import java.time.Instant;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.CreditorId;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payment link as read.
 *
 * @param token the unguessable part of its public address {@code /pay/{token}}
 * @param reference the short reference a customer's bank or UPI app carries back
 * @param status as of the clock: a link past {@code expiresAt} and not paid is expired
 */
public record PaymentLinkView(PaymentLinkId id, String token, String reference, CreditorId creditorId,
		AccountId accountId, LinkPurpose purpose, Money amount, @Nullable Money minAmount, boolean singleUse,
		Instant expiresAt, LinkStatus status, Money paidAmount, Instant createdAt, String createdBy) {

	/** Whether a customer may pay through the link now. */
	public boolean payable() {
		return this.status == LinkStatus.ACTIVE;
	}

	/** What is left to pay: the amount less what was paid, never below zero. */
	public Money due() {
		Money left = this.amount.minus(this.paidAmount);
		return left.isNegative() ? Money.zero(this.amount.currency()) : left;
	}

}

package org.dues.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.CreditorId;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Money received that matched no account, with everything known about it. Always
 * {@code amount = applied + returned + open}.
 *
 * @param statementEntry the bank statement entry it came from, if it did
 * @param history what happened to it, oldest first
 */
public record UnappliedView(UUID id, @Nullable CreditorId creditor, Money amount, LocalDate valueDate,
		@Nullable String payerName, @Nullable String payerAccount, @Nullable String remittance,
		@Nullable String endToEndId, @Nullable String bankReference, @Nullable UUID statementEntry,
		UnappliedStatus status, Money applied, Money returned, Instant createdAt, String createdBy,
		List<Event> history) {

	/** What is still to apply or return. */
	public Money open() {
		return this.amount.minus(this.applied).minus(this.returned);
	}

	/**
	 * One step in an item's history.
	 *
	 * @param action {@code RECEIVED}, {@code APPLIED} or {@code RETURNED}
	 */
	public record Event(String action, Money amount, @Nullable AccountId account, @Nullable PaymentId payment,
			String reason, Instant at, String by) {
	}

	/** Where to apply a part of an item. */
	public record Part(AccountId account, Money amount) {
	}

}

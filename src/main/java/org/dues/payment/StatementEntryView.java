package org.dues.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A statement entry and what reconciliation, or a user, made of it.
 *
 * @param kind {@code TRANSFER}, {@code RETURN} or {@code CHARGE}
 * @param matchedBy how it was matched ({@code PAYMENT_REFERENCE}, {@code LINK_REFERENCE},
 * {@code ACCOUNT_REFERENCE}, {@code BANK_REFERENCE}, {@code RETURNED_PAYMENT},
 * {@code AMOUNT_AND_NAME}, {@code USER})
 */
public record StatementEntryView(UUID id, UUID statement, int line, boolean credit, String kind, Money amount,
		LocalDate valueDate, @Nullable String bankReference, @Nullable String endToEndId, @Nullable String payerName,
		@Nullable String payerAccount, @Nullable String remittance, @Nullable String bankCode, EntryOutcome outcome,
		@Nullable String matchedBy, @Nullable AccountId account, @Nullable PaymentId payment,
		@Nullable AccountId suggested, @Nullable String note, @Nullable String decidedBy, @Nullable Instant decidedAt) {

	/** Whether a user still has to decide it. */
	public boolean open() {
		return this.outcome == EntryOutcome.UNMATCHED || this.outcome == EntryOutcome.SUGGESTED;
	}

}

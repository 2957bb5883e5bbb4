package org.dues.payment;

import java.time.LocalDate;
import java.util.UUID;

import org.dues.portfolio.CreditorId;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Money received that matched no account, as known when it arrived.
 *
 * @param reason why it went to suspense
 */
public record NewUnapplied(@Nullable CreditorId creditor, Money amount, LocalDate valueDate, @Nullable String payerName,
		@Nullable String payerAccount, @Nullable String remittance, @Nullable String endToEndId,
		@Nullable String bankReference, @Nullable UUID statementEntry, String reason) {
}

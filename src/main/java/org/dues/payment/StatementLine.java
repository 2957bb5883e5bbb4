package org.dues.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a bank statement as read from the file.
 *
 * @param line where it starts in the file (for a CSV its row, the header being 1)
 * @param credit whether money came in
 * @param kind a transfer, the return of an earlier payment, or a bank charge
 * @param amount the amount, always positive
 * @param bankReference the bank's own reference of the transaction (UTR)
 * @param bankCode the bank's transaction code, as given
 */
record StatementLine(int line, boolean credit, EntryKind kind, BigDecimal amount, LocalDate valueDate,
		@Nullable String bankReference, @Nullable String endToEndId, @Nullable String payerName,
		@Nullable String payerAccount, @Nullable String remittance, @Nullable String bankCode) {

	/** What kind of movement an entry is. */
	enum EntryKind {

		TRANSFER, RETURN, CHARGE

	}

}

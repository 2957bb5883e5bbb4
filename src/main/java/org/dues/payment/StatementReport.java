package org.dues.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A statement's reconciliation: how many entries, and for how much, reconciliation made
 * each outcome. The credit outcomes' amounts add up to the statement's credits, the debit
 * outcomes' to its debits.
 *
 * @param counts entries by outcome (every outcome present, zero when none)
 * @param amounts their amounts by outcome
 * @param balanced whether opening + credits - debits = closing; null when the file has no
 * balances (CSV)
 */
public record StatementReport(UUID id, String creditorCode, StatementFormat format, String bankAccount, String number,
		LocalDate from, LocalDate to, int entries, Map<EntryOutcome, Integer> counts, Map<EntryOutcome, Money> amounts,
		Money credits, Money debits, @Nullable Money openingBalance, @Nullable Money closingBalance,
		@Nullable Boolean balanced, Instant importedAt, String importedBy) {

	/** Entries matched to a payment: posted, already posted, or reversed by a return. */
	public int matched() {
		return count(EntryOutcome.POSTED) + count(EntryOutcome.ALREADY_POSTED) + count(EntryOutcome.REVERSED);
	}

	public int count(EntryOutcome outcome) {
		return this.counts.getOrDefault(outcome, 0);
	}

}

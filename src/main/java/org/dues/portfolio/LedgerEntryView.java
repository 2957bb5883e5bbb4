package org.dues.portfolio;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One ledger entry: the signed change it made to each balance component, when it took
 * effect, where it came from and who recorded it.
 *
 * @param reverses the entry this one reverses, for a reversal
 */
public record LedgerEntryView(LedgerEntryId id, long seq, AccountId accountId, EntryType type, Amounts amounts,
		LocalDate effectiveDate, Instant recordedAt, String source, @Nullable String sourceRef, String recordedBy,
		@Nullable String memo, @Nullable LedgerEntryId reverses) {
}

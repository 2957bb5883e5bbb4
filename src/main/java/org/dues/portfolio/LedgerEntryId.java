package org.dues.portfolio;

import java.util.UUID;

/** Identifies a ledger entry. */
public record LedgerEntryId(UUID value) {

	public static LedgerEntryId random() {
		return new LedgerEntryId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

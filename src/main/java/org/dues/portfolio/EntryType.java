package org.dues.portfolio;

/** What a ledger entry records. */
public enum EntryType {

	PLACEMENT, PAYMENT, REVERSAL, ADJUSTMENT, FEE, INTEREST, WAIVER, SETTLEMENT_DISCOUNT

}

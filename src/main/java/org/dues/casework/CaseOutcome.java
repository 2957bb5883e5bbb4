package org.dues.casework;

import java.util.EnumSet;
import java.util.Set;

/** How a case ended, and which outcomes each type of case may have. */
public enum CaseOutcome {

	/**
	 * The customer was right: the debt or its disputed part is adjusted or written off.
	 */
	UPHELD,
	/** Right in part: part of the disputed amount is adjusted. */
	PARTLY_UPHELD,
	/** Not upheld, with the reasons given to the customer. */
	REJECTED,
	/** The customer withdrew it. */
	WITHDRAWN,
	/** A complaint resolved to the customer's satisfaction within the summary period. */
	RESOLVED_SUMMARILY,
	/** A legal proceeding ran its course (paid, decree, award, settled). */
	COMPLETED,
	/** A legal proceeding was dropped (paid before filing, not worth pursuing). */
	DISCONTINUED,
	/** A referral to a senior that was answered and taken back. */
	ANSWERED,
	/** A legal referral a manager did not approve. */
	NOT_APPROVED;

	/** The outcomes a case of this type may end with. */
	public static Set<CaseOutcome> of(CaseType type) {
		return switch (type) {
			case DISPUTE -> EnumSet.of(UPHELD, PARTLY_UPHELD, REJECTED, WITHDRAWN);
			case COMPLAINT -> EnumSet.of(RESOLVED_SUMMARILY, UPHELD, PARTLY_UPHELD, REJECTED, WITHDRAWN);
			case LEGAL -> EnumSet.of(COMPLETED, DISCONTINUED, NOT_APPROVED);
			case REFERRAL -> EnumSet.of(ANSWERED);
		};
	}

	/** Whether the outcome needs an amount (the part upheld). */
	public boolean adjusts() {
		return this == UPHELD || this == PARTLY_UPHELD;
	}

}

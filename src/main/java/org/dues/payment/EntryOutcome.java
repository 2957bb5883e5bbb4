package org.dues.payment;

/**
 * What reconciliation made of a statement entry.
 */
public enum EntryOutcome {

	/**
	 * A credit posted as a payment by this statement (or by a user from the exceptions).
	 */
	POSTED,
	/** A credit whose payment was already in Dues (a gateway's settlement, say). */
	ALREADY_POSTED,
	/** A return that reversed the payment it returned. */
	REVERSED,
	/** A credit whose amount and payer's name fit an account: a user confirms it. */
	SUGGESTED,
	/** Nothing matched: an exception a user decides. */
	UNMATCHED,
	/** A user decided it concerns no account, with a reason. */
	IGNORED,
	/** A user sent it to unapplied cash. */
	SUSPENSE,
	/** A debit or charge: listed, not posted. */
	DEBIT

}

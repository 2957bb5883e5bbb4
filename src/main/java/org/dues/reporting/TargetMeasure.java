package org.dues.reporting;

/** What a target is set on. */
public enum TargetMeasure {

	/**
	 * The amount collected in the month, per currency: payments received in it less
	 * reversals made in it.
	 */
	COLLECTED,

	/** Promises, plans and settlements kept in the month (a count). */
	PROMISES_KEPT,

	/** Accounts paid in full or settled in the month (a count). */
	ACCOUNTS_RESOLVED

}

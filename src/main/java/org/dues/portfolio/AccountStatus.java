package org.dues.portfolio;

/** Where an account stands. */
public enum AccountStatus {

	/** Being collected. */
	ACTIVE,
	/** Closed by a settlement for less than the balance. */
	SETTLED,
	/** Paid in full. */
	PAID,
	/** Closed for another reason. */
	CLOSED,
	/** Taken back by the creditor. */
	RECALLED,
	/** Written off by the creditor. */
	WRITTEN_OFF

}

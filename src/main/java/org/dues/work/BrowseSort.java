package org.dues.work;

/**
 * The orders of the accounts browser. Each ends with the account's id, so a page always
 * holds the same accounts however often it is read.
 */
public enum BrowseSort {

	/** Most days past due first, then the largest balance. */
	DPD_DESC("a.days_past_due DESC, a.principal + a.interest + a.fees DESC, a.id"),
	/** Fewest days past due first, then the smallest balance. */
	DPD_ASC("a.days_past_due, a.principal + a.interest + a.fees, a.id"),
	/** Largest balance (principal, interest and fees) first. */
	BALANCE_DESC("a.principal + a.interest + a.fees DESC, a.days_past_due DESC, a.id"),
	/** Smallest balance first. */
	BALANCE_ASC("a.principal + a.interest + a.fees, a.days_past_due, a.id");

	final String sql;

	BrowseSort(String sql) {
		this.sql = sql;
	}

}

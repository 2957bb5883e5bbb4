package org.dues.work;

/**
 * The order a queue hands out its accounts in.
 */
public enum QueueSort {

	/** Most days past due first, then the largest balance. */
	DPD_DESC("a.days_past_due DESC, a.principal + a.interest + a.fees DESC, a.id"),
	/** Fewest days past due first: early buckets, while a call still cures most. */
	DPD_ASC("a.days_past_due ASC, a.principal + a.interest + a.fees DESC, a.id"),
	/** Largest balance first. */
	BALANCE_DESC("a.principal + a.interest + a.fees DESC, a.days_past_due DESC, a.id"),
	/** Largest overdue amount first. */
	OVERDUE_DESC("a.overdue_amount DESC, a.days_past_due DESC, a.id"),
	/** The newest placements first, while the customer still remembers the debt. */
	NEWEST_PLACED("a.placed_at DESC, a.id");

	final String sql;

	QueueSort(String sql) {
		this.sql = sql;
	}

}

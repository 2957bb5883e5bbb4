package org.dues.reporting;

/** How a report's rows are grouped. */
public enum GroupBy {

	/** The day (creditor's local day). */
	DAY,

	/** The ISO week, named by its Monday. */
	WEEK,

	/** The calendar month, named by its first day. */
	MONTH,

	/** The agent credited ("" for nobody). */
	AGENT,

	/** The agent's team (the first by id, for an agent in several). */
	TEAM,

	/** The creditor. */
	CREDITOR,

	/** The account's bucket at the snapshot of the day before. */
	BUCKET,

	/** The account's product. */
	PRODUCT,

	/** The customer's region. */
	REGION,

	/** The customer's language. */
	LANGUAGE;

	/** Whether the grouping is by a date. */
	public boolean byDate() {
		return this == DAY || this == WEEK || this == MONTH;
	}

}

package org.dues.reporting;

import java.util.List;

import org.dues.shared.Money;

/**
 * Promises to pay that fell due in a period (by their due date), how many were kept and
 * broken and how many are still open, by count and by amount; grouped, per currency.
 *
 * @param filter what the report covers
 * @param groupBy how its rows are grouped (by due date, agent who took them, team or
 * creditor)
 * @param rows the groups, each in one currency
 * @param totals the whole period, one per currency
 */
public record PromiseReport(ReportFilter filter, GroupBy groupBy, List<Row> rows, List<Row> totals) {

	public PromiseReport {
		rows = List.copyOf(rows);
		totals = List.copyOf(totals);
	}

	/**
	 * One group's promises in one currency.
	 *
	 * @param key the group
	 * @param label the group as a person reads it
	 * @param due promises due in the period
	 * @param kept of them, kept
	 * @param broken of them, broken
	 * @param open of them, still open (within grace, or awaiting evaluation)
	 * @param dueAmount their promised amount
	 * @param keptAmount the promised amount of those kept
	 * @param brokenAmount the promised amount of those broken
	 * @param keptRate kept ÷ (kept + broken), by count
	 * @param keptAmountRate kept ÷ (kept + broken), by amount
	 */
	public record Row(String key, String label, long due, long kept, long broken, long open, Money dueAmount,
			Money keptAmount, Money brokenAmount, Rate keptRate, Rate keptAmountRate) {
	}

}

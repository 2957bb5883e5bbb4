package org.dues.reporting;

import java.util.List;

import org.dues.shared.Money;

/**
 * Collected over a period, grouped: what was paid (gross), what was reversed, and the net
 * of the two, with counts; a row per group and currency, and a total per currency.
 *
 * @param filter what the report covers
 * @param groupBy how its rows are grouped
 * @param rows the groups in order, each in one currency
 * @param totals the whole period, one per currency
 */
public record CollectionsReport(ReportFilter filter, GroupBy groupBy, List<Row> rows, List<Row> totals) {

	public CollectionsReport {
		rows = List.copyOf(rows);
		totals = List.copyOf(totals);
	}

	/**
	 * One group's collections in one currency.
	 *
	 * @param key the group (an ISO date, a username, a creditor's code, a team's id, a
	 * bucket…; "" when none)
	 * @param label the group as a person reads it (a creditor's or team's name)
	 * @param gross payments received in the period (by the day received)
	 * @param reversed reversals made in the period (by the day made), as a positive
	 * amount
	 * @param net gross less reversed
	 * @param payments how many payments
	 * @param reversals how many reversals
	 */
	public record Row(String key, String label, Money gross, Money reversed, Money net, long payments, long reversals) {
	}

}

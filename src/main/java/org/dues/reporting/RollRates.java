package org.dues.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The bucket-to-bucket migration matrix of a month: every account active at the end of
 * the previous month (the last snapshot then), by the bucket it stood in and where it
 * stood at the end of the month (its bucket while active, else its status: PAID, SETTLED,
 * CLOSED, RECALLED, WRITTEN_OFF, or GONE when it left the portfolio), counted and weighed
 * by its balance at the previous month end; with the roll-forward, cure and roll-back
 * rates per starting bucket and overall.
 *
 * @param month the month whose end is compared with the previous month's end
 * @param fromDay the snapshot day of the previous month end (the latest of the creditors
 * covered), or null when there is none
 * @param toDay the snapshot day of this month end, or null when there is none
 * @param columns the matrix's columns: the buckets by rank, then the statuses
 * @param rows one row per starting bucket, by rank
 * @param total the rates over all rows
 */
public record RollRates(YearMonth month, @Nullable LocalDate fromDay, @Nullable LocalDate toDay, List<String> columns,
		List<Row> rows, Rates total) {

	public RollRates {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

	/**
	 * A starting bucket's accounts and where they went.
	 *
	 * @param bucket the bucket at the previous month end
	 * @param rank its rank in the creditor's scheme (0 is current)
	 * @param cells accounts and balance per column, in the order of
	 * {@link RollRates#columns()}
	 * @param rates this bucket's rates
	 */
	public record Row(String bucket, int rank, List<Cell> cells, Rates rates) {

		public Row {
			cells = List.copyOf(cells);
		}

	}

	/** The accounts that went from a row's bucket to a column, and their balance. */
	public record Cell(String column, long accounts, BigDecimal balance) {
	}

	/**
	 * Rates by count of accounts and by balance at the previous month end.
	 *
	 * @param accounts the accounts they are rates of
	 * @param rollForward share moved to a worse bucket or written off
	 * @param cure share of delinquent accounts brought current or paid off (settled)
	 * @param rollBack share of delinquent accounts moved to a better bucket that is still
	 * delinquent
	 * @param stay share in the same bucket
	 * @param rollForwardByBalance the same, weighed by balance
	 * @param cureByBalance the same, weighed by balance
	 * @param rollBackByBalance the same, weighed by balance
	 */
	public record Rates(long accounts, Rate rollForward, Rate cure, Rate rollBack, Rate stay, Rate rollForwardByBalance,
			Rate cureByBalance, Rate rollBackByBalance) {
	}

}

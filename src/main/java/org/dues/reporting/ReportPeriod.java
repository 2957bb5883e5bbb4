package org.dues.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * A period a report covers, both days included: a calendar month ({@code 2026-11}) or an
 * ISO week, Monday to Sunday ({@code 2026-W48}).
 *
 * @param from its first day
 * @param to its last day
 * @param label its name, as above
 */
public record ReportPeriod(LocalDate from, LocalDate to, String label) {

	/** The calendar month. */
	public static ReportPeriod month(YearMonth month) {
		return new ReportPeriod(month.atDay(1), month.atEndOfMonth(), month.toString());
	}

	/** The ISO week that holds the day. */
	public static ReportPeriod week(LocalDate day) {
		LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return new ReportPeriod(monday, monday.plusDays(6), "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR),
				monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
	}

	/** The last whole period of the cadence before the day. */
	public static ReportPeriod lastBefore(Cadence cadence, LocalDate today) {
		return switch (cadence) {
			case MONTHLY -> month(YearMonth.from(today).minusMonths(1));
			case WEEKLY -> week(today.minusWeeks(1));
		};
	}

	/** A month given as {@code yyyy-MM}, or the refusal. */
	public static ReportPeriod parseMonth(String text) {
		try {
			return month(YearMonth.parse(text));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a month (yyyy-MM)");
		}
	}

	/** How often a scheduled report goes. */
	public enum Cadence {

		MONTHLY, WEEKLY

	}

}

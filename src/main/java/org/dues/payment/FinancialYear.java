package org.dues.payment;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A creditor's financial year: the year a receipt's number is counted in. A year that
 * starts on 1 January is labelled by its calendar year ({@code 2026}); any other by the
 * two calendar years it spans, as India writes them ({@code 2026-27} runs from 1 April
 * 2026 to 31 March 2027).
 *
 * @param start its first day
 * @param end its last day
 */
public record FinancialYear(LocalDate start, LocalDate end) {

	/**
	 * The financial year that starts on {@code startsOn} each year and holds the date.
	 */
	public static FinancialYear of(LocalDate date, MonthDay startsOn) {
		LocalDate start = startsOn.atYear(date.getYear());
		if (date.isBefore(start)) {
			start = startsOn.atYear(date.getYear() - 1);
		}
		return new FinancialYear(start, start.plusYears(1).minusDays(1));
	}

	/** {@code 2026} or {@code 2026-27}. */
	public String label() {
		if (this.start.getDayOfYear() == 1) {
			return String.valueOf(this.start.getYear());
		}
		return "%d-%02d".formatted(this.start.getYear(), (this.start.getYear() + 1) % 100);
	}

}

package org.dues.casework;

import java.time.LocalDate;

import org.dues.shared.Phrase;

/**
 * A number of days a rule or a creditor's policy gives: calendar days, or business days
 * of the jurisdiction's {@link BusinessCalendar}. Counting starts the day after the day
 * the clock starts on (the first day is excluded, as the General Clauses Act 1897 s.9,
 * the Limitation Act 1963 s.12 and English law count).
 *
 * @param count how many, zero or more
 * @param business whether business days are counted, else calendar days
 */
public record Days(int count, boolean business) {

	public Days {
		if (count < 0) {
			throw new IllegalArgumentException("days must not be negative: " + count);
		}
	}

	/** {@code count} calendar days. */
	public static Days calendar(int count) {
		return new Days(count, false);
	}

	/** {@code count} business days. */
	public static Days business(int count) {
		return new Days(count, true);
	}

	/** The last day of the period starting after {@code start}. */
	public LocalDate after(LocalDate start, BusinessCalendar calendar) {
		return this.business ? calendar.plusBusinessDays(start, this.count) : start.plusDays(this.count);
	}

	/** "5 business days", "30 days", in the reader's language. */
	public Phrase said() {
		return Phrase.of(this.business ? "casework.days.business" : "casework.days.calendar", this.count);
	}

}

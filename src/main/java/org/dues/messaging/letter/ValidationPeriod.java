package org.dues.messaging.letter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

import org.springframework.modulith.NamedInterface;

/**
 * The end of the validation period of 12 CFR 1006.34(b)(5): 30 days after the consumer is
 * assumed to have received the validation notice, which is 5 days after it was sent,
 * "excluding legal public holidays identified in 5 U.S.C. 6103(a), Saturdays, and
 * Sundays" (§ 1006.34(b)(5), cross-referencing the safe harbour of § 1006.6(b)(2)).
 * <p>
 * The legal public holidays of 5 U.S.C. 6103(a): New Year's Day (January 1), Birthday of
 * Martin Luther King, Jr. (third Monday in January), Washington's Birthday (third Monday
 * in February), Memorial Day (last Monday in May), Juneteenth National Independence Day
 * (June 19), Independence Day (July 4), Labor Day (first Monday in September), Columbus
 * Day (second Monday in October), Veterans Day (November 11), Thanksgiving Day (fourth
 * Thursday in November), Christmas Day (December 25). Inauguration Day (§ 6103(c)) is a
 * holiday only in the Washington area and is not counted.
 * <p>
 * A holiday on a weekend: the date of § 6103(a) is a Saturday or Sunday and so excluded
 * anyway; the weekday on which federal employees observe it (the Friday before a
 * Saturday, the Monday after a Sunday, § 6103(b)) is excluded as well. That is the
 * reading that can only make the period longer, so a consumer never gets fewer days than
 * either reading gives. The 30 days themselves are calendar days and the end is not moved
 * off a weekend or holiday: § 1006.34(b)(5) does not move it.
 * <p>
 * Published as the {@code letter} interface: casework judges whether a dispute came
 * within the period by it.
 */
@NamedInterface("letter")
public final class ValidationPeriod {

	/** Days after sending when the notice is assumed received (business days). */
	public static final int RECEIPT_DAYS = 5;

	/** Calendar days after assumed receipt when the validation period ends. */
	public static final int PERIOD_DAYS = 30;

	private ValidationPeriod() {
	}

	/** The day the consumer is assumed to have received a notice sent on {@code sent}. */
	public static LocalDate assumedReceipt(LocalDate sent) {
		LocalDate day = sent;
		int counted = 0;
		while (counted < RECEIPT_DAYS) {
			day = day.plusDays(1);
			if (!excluded(day)) {
				counted++;
			}
		}
		return day;
	}

	/** The last day of the validation period of a notice sent on {@code sent}. */
	public static LocalDate end(LocalDate sent) {
		return assumedReceipt(sent).plusDays(PERIOD_DAYS);
	}

	/** Whether the day does not count towards the 5 days: a weekend or a holiday. */
	static boolean excluded(LocalDate day) {
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY || legalPublicHoliday(day)
				|| legalPublicHoliday(day.plusDays(1)) && weekday == DayOfWeek.FRIDAY
				|| legalPublicHoliday(day.minusDays(1)) && weekday == DayOfWeek.MONDAY;
	}

	/** Whether the day is a legal public holiday of 5 U.S.C. 6103(a) on its own date. */
	public static boolean legalPublicHoliday(LocalDate day) {
		int year = day.getYear();
		return day.equals(LocalDate.of(year, Month.JANUARY, 1)) || day.equals(nth(year, Month.JANUARY, 3))
				|| day.equals(nth(year, Month.FEBRUARY, 3))
				|| day
					.equals(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
				|| day.equals(LocalDate.of(year, Month.JUNE, 19)) || day.equals(LocalDate.of(year, Month.JULY, 4))
				|| day.equals(nth(year, Month.SEPTEMBER, 1)) || day.equals(nth(year, Month.OCTOBER, 2))
				|| day.equals(LocalDate.of(year, Month.NOVEMBER, 11))
				|| day.equals(first(year, Month.NOVEMBER, DayOfWeek.THURSDAY).plusWeeks(3))
				|| day.equals(LocalDate.of(year, Month.DECEMBER, 25));
	}

	/** The nth Monday of the month. */
	private static LocalDate nth(int year, Month month, int n) {
		return first(year, month, DayOfWeek.MONDAY).plusWeeks(n - 1L);
	}

	private static LocalDate first(int year, Month month, DayOfWeek weekday) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(weekday));
	}

}

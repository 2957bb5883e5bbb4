package org.dues.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Predicate;

/**
 * The run rate of a month: how many of its business days have gone by and how many it
 * has. A business day is one the calendar says is (Monday to Friday less public
 * holidays); today counts as gone by once it has begun, so the forecast on a business
 * morning is low rather than high. Before the month's first business day none has gone
 * by; after the month all have.
 *
 * @param elapsed business days of the month up to and including today
 * @param total business days in the month
 */
public record RunRate(int elapsed, int total) {

	public RunRate {
		if (elapsed < 0 || total < 0 || elapsed > total) {
			throw new IllegalArgumentException("%d of %d business days".formatted(elapsed, total));
		}
	}

	/** The month's run rate on {@code today}. */
	public static RunRate of(YearMonth month, LocalDate today, Predicate<LocalDate> businessDay) {
		int total = 0;
		int elapsed = 0;
		for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
			if (businessDay.test(day)) {
				total++;
				if (!day.isAfter(today)) {
					elapsed++;
				}
			}
		}
		return new RunRate(elapsed, total);
	}

	/**
	 * The month-end figure if the month goes on as it has: actual ÷ business days gone by
	 * × business days in the month, rounded half-even to {@code scale} decimals (the
	 * currency's for an amount, none for a count). With no business day gone by there is
	 * no rate yet, and once all have gone by the month is done: the forecast is then the
	 * actual.
	 */
	public BigDecimal forecast(BigDecimal actual, int scale) {
		if (this.elapsed == 0 || this.elapsed == this.total) {
			return actual.setScale(scale, RoundingMode.HALF_EVEN);
		}
		return actual.multiply(BigDecimal.valueOf(this.total))
			.divide(BigDecimal.valueOf(this.elapsed), scale, RoundingMode.HALF_EVEN);
	}

	/** Whether the month is over: every business day gone by. */
	public boolean over() {
		return this.elapsed == this.total;
	}

}

package org.dues.reporting;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run-rate forecast: actual ÷ business days gone by × business days in the month,
 * today counted once begun; the standing against the target.
 */
class RunRateTests {

	private static final Predicate<LocalDate> WEEKDAYS = (d) -> d.getDayOfWeek() != DayOfWeek.SATURDAY
			&& d.getDayOfWeek() != DayOfWeek.SUNDAY;

	private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

	private static final Currency INR = Currency.getInstance("INR");

	@Test
	void businessDaysAreCountedUpToAndIncludingToday() {
		// December 2026 has 23 weekdays; by Thursday the 10th, 8 have begun
		assertThat(RunRate.of(DECEMBER, LocalDate.of(2026, 12, 10), WEEKDAYS)).isEqualTo(new RunRate(8, 23));
		// a Saturday adds none
		assertThat(RunRate.of(DECEMBER, LocalDate.of(2026, 12, 12), WEEKDAYS)).isEqualTo(new RunRate(9, 23));
		// a holiday is not a business day
		Predicate<LocalDate> christmas = WEEKDAYS.and((d) -> !d.equals(LocalDate.of(2026, 12, 25)));
		assertThat(RunRate.of(DECEMBER, LocalDate.of(2026, 12, 31), christmas)).isEqualTo(new RunRate(22, 22));
		// before and after the month
		assertThat(RunRate.of(DECEMBER, LocalDate.of(2026, 11, 30), WEEKDAYS)).isEqualTo(new RunRate(0, 23));
		assertThat(RunRate.of(DECEMBER, LocalDate.of(2027, 1, 4), WEEKDAYS).over()).isTrue();
	}

	@Test
	void theForecastRunsTheRateToMonthEnd() {
		RunRate tenth = new RunRate(8, 23);
		assertThat(tenth.forecast(new BigDecimal("80000.00"), 2)).isEqualByComparingTo("230000.00");
		// rounded half-even at the currency's decimals, a count at none
		assertThat(tenth.forecast(new BigDecimal("100.00"), 2)).isEqualTo(new BigDecimal("287.50"));
		assertThat(new RunRate(3, 23).forecast(new BigDecimal("100.00"), 2)).isEqualTo(new BigDecimal("766.67"));
		assertThat(tenth.forecast(BigDecimal.valueOf(5), 0)).isEqualTo(new BigDecimal("14"));
		// no rate before the first business day; the actual once the month is over
		assertThat(new RunRate(0, 23).forecast(new BigDecimal("500.00"), 2)).isEqualTo(new BigDecimal("500.00"));
		assertThat(new RunRate(23, 23).forecast(new BigDecimal("500.00"), 2)).isEqualTo(new BigDecimal("500.00"));
		assertThatThrownBy(() -> new RunRate(24, 23)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aMeasureStandsMetOnTrackOrAtRisk() {
		RunRate tenth = new RunRate(8, 23);
		Progress.Line onTrack = Progress.Line.of(TargetMeasure.COLLECTED, INR, new BigDecimal("200000.00"),
				new BigDecimal("80000.00"), tenth);
		assertThat(onTrack.forecast()).isEqualByComparingTo("230000.00");
		assertThat(onTrack.percent()).isEqualByComparingTo("40.0");
		assertThat(onTrack.forecastPercent()).isEqualByComparingTo("115.0");
		assertThat(onTrack.standing()).isEqualTo(Progress.Standing.ON_TRACK);
		assertThat(onTrack.bar()).isEqualTo(40);
		assertThat(onTrack.forecastMoney()).hasToString("INR 230000.00");
		Progress.Line atRisk = Progress.Line.of(TargetMeasure.PROMISES_KEPT, null, BigDecimal.valueOf(40),
				BigDecimal.valueOf(10), tenth);
		assertThat(atRisk.forecast()).isEqualTo(new BigDecimal("29"));
		assertThat(atRisk.standing()).isEqualTo(Progress.Standing.AT_RISK);
		Progress.Line met = Progress.Line.of(TargetMeasure.ACCOUNTS_RESOLVED, null, BigDecimal.valueOf(10),
				BigDecimal.valueOf(12), tenth);
		assertThat(met.standing()).isEqualTo(Progress.Standing.MET);
		assertThat(met.bar()).isEqualTo(100);
		assertThat(met.percent()).isEqualByComparingTo("120.0");
	}

}

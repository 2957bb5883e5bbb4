package org.dues.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A target's progress in its month, as of a day: for each measure set, the actual so far,
 * the run-rate forecast to month end and how they stand against the target.
 *
 * @param target the target
 * @param asOf the day in {@code zone} the figures run to (today, or the month's last day
 * once it is over)
 * @param zone the zone whose days the month is told in
 * @param days the month's business days gone by and in all ({@link RunRate})
 * @param lines one per measure set: the amount collected per currency, then promises
 * kept, then accounts resolved
 */
public record Progress(Target target, LocalDate asOf, ZoneId zone, RunRate days, List<Line> lines) {

	public Progress {
		lines = List.copyOf(lines);
	}

	/** The line of a measure (and currency, for the amount collected), if it is set. */
	public @Nullable Line line(TargetMeasure measure, @Nullable String currency) {
		return this.lines.stream()
			.filter((l) -> l.measure() == measure
					&& (currency == null || (l.currency() != null && l.currency().getCurrencyCode().equals(currency))))
			.findFirst()
			.orElse(null);
	}

	/** Whether any measure is at risk. */
	public boolean atRisk() {
		return this.lines.stream().anyMatch((l) -> l.standing() == Standing.AT_RISK);
	}

	/**
	 * How a measure stands: {@code MET} when the actual has reached the target,
	 * {@code ON_TRACK} when the forecast reaches it, {@code AT_RISK} when it does not.
	 */
	public enum Standing {

		MET, ON_TRACK, AT_RISK

	}

	/**
	 * One measure's progress.
	 *
	 * @param currency the currency of an amount collected; null for a count
	 * @param percent the actual as a percentage of the target (one decimal, half-even);
	 * null for a target of zero
	 * @param forecastPercent the forecast as a percentage of the target, likewise
	 */
	public record Line(TargetMeasure measure, @Nullable Currency currency, BigDecimal target, BigDecimal actual,
			BigDecimal forecast, @Nullable BigDecimal percent, @Nullable BigDecimal forecastPercent,
			Standing standing) {

		/** A measure's line from its target, its actual and the month's run rate. */
		static Line of(TargetMeasure measure, @Nullable Currency currency, BigDecimal target, BigDecimal actual,
				RunRate days) {
			int scale = (currency == null) ? 0 : Math.max(0, currency.getDefaultFractionDigits());
			BigDecimal forecast = days.forecast(actual, scale);
			Standing standing = (actual.compareTo(target) >= 0) ? Standing.MET
					: (forecast.compareTo(target) >= 0) ? Standing.ON_TRACK : Standing.AT_RISK;
			return new Line(measure, currency, target, actual, forecast, percent(actual, target),
					percent(forecast, target), standing);
		}

		private static @Nullable BigDecimal percent(BigDecimal part, BigDecimal whole) {
			if (whole.signum() == 0) {
				return null;
			}
			return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN);
		}

		/** The target as money, for an amount collected. */
		public @Nullable Money targetMoney() {
			return money(this.target);
		}

		/** The actual as money, for an amount collected. */
		public @Nullable Money actualMoney() {
			return money(this.actual);
		}

		/** The forecast as money, for an amount collected. */
		public @Nullable Money forecastMoney() {
			return money(this.forecast);
		}

		/**
		 * The actual's share of the target for a progress bar: 0 to 100, whole, rounded
		 * down (a bar is never shown full before the target is met).
		 */
		public int bar() {
			if (this.percent == null) {
				return 100;
			}
			return this.percent.min(BigDecimal.valueOf(100)).max(BigDecimal.ZERO).intValue();
		}

		private @Nullable Money money(BigDecimal amount) {
			return (this.currency == null) ? null : Money.of(
					amount.setScale(Math.max(0, this.currency.getDefaultFractionDigits()), RoundingMode.HALF_EVEN),
					this.currency);
		}

	}

}

package org.dues.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * A ratio of two figures, kept as both so it can be added up and shown as the analyst
 * wants; {@link #value()} is the one place it is divided (to 4 decimal places, half
 * even).
 *
 * @param part the numerator
 * @param whole the denominator
 */
public record Rate(BigDecimal part, BigDecimal whole) {

	/** The scale of {@link #value()}. */
	public static final int SCALE = 4;

	/** A ratio of counts. */
	public static Rate of(long part, long whole) {
		return new Rate(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
	}

	/** The ratio, or null when the denominator is zero (nothing to divide by). */
	public @Nullable BigDecimal value() {
		if (this.whole.signum() == 0) {
			return null;
		}
		return this.part.divide(this.whole, SCALE, RoundingMode.HALF_EVEN);
	}

	/** The ratio in percent (2 decimal places), or null when undefined. */
	public @Nullable BigDecimal percent() {
		BigDecimal value = value();
		return (value == null) ? null : value.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN);
	}

}

package org.dues.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An agency's commission: a rate in percent, and the one place it is turned into money.
 */
final class Commission {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Commission() {
	}

	/**
	 * The commission on what was collected at the rate: collected × rate ÷ 100, rounded
	 * half-up to the currency's minor unit (the one rounding of a commission).
	 */
	static Money on(Money collected, BigDecimal ratePercent) {
		int scale = Math.max(collected.currency().getDefaultFractionDigits(), 0);
		return Money.of(collected.amount().multiply(ratePercent).divide(HUNDRED, scale, RoundingMode.HALF_UP),
				collected.currency());
	}

	/**
	 * A rate as given: required, from 0 to 100, at most four decimals.
	 * @throws InvalidInputException naming the field otherwise
	 */
	static BigDecimal rate(String field, @Nullable BigDecimal rate) {
		if (rate == null) {
			throw new InvalidInputException(field, "is required");
		}
		if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0) {
			throw new InvalidInputException(field, "is a percentage from 0 to 100");
		}
		if (rate.stripTrailingZeros().scale() > 4) {
			throw new InvalidInputException(field, "has at most four decimals");
		}
		// 8 reads 8.00, 8.125 keeps its three decimals
		return rate.setScale(Math.max(2, rate.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
	}

}

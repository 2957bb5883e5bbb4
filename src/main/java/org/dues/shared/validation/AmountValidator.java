package org.dues.shared.validation;

import java.math.BigDecimal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/** Checks an {@link Amount}, saying which of its rules the text breaks. */
public class AmountValidator implements ConstraintValidator<Amount, String> {

	private int decimals;

	private boolean zero;

	@Override
	public void initialize(Amount amount) {
		this.decimals = amount.decimals();
		this.zero = amount.zero();
	}

	@Override
	public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
		if (text == null || text.isBlank()) {
			return true;
		}
		String value = text.strip();
		if (!value.matches("-?\\d{1,40}(\\.\\d{1,40})?")) {
			return Violations.refuse(context, "{dues.validation.amount.format}", text);
		}
		BigDecimal amount = new BigDecimal(value);
		if (amount.signum() < 0 || (amount.signum() == 0 && !this.zero)) {
			return Violations.refuse(context, "{dues.validation.amount.positive}", text);
		}
		if (amount.compareTo(Money.INPUT_LIMIT) > 0) {
			return Violations.refuse(context, "{dues.validation.amount.large}", text);
		}
		if (amount.stripTrailingZeros().scale() > this.decimals) {
			return Violations.refuse(context, "{dues.validation.amount.decimals}", text);
		}
		return true;
	}

}

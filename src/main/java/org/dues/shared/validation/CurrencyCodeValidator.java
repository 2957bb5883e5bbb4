package org.dues.shared.validation;

import java.util.Currency;
import java.util.Locale;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks a {@link CurrencyCode} against the JDK's ISO 4217 table. */
public class CurrencyCodeValidator implements ConstraintValidator<CurrencyCode, String> {

	private boolean national;

	@Override
	public void initialize(CurrencyCode constraint) {
		this.national = constraint.national();
	}

	@Override
	public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
		if (text == null || text.isBlank()) {
			return true;
		}
		try {
			Currency currency = Currency.getInstance(text.strip().toUpperCase(Locale.ROOT));
			return !this.national
					|| (!currency.getCurrencyCode().startsWith("X") && currency.getDefaultFractionDigits() >= 0)
					|| Violations.refuse(context, "{dues.validation.currency.national}", currency.getCurrencyCode());
		}
		catch (IllegalArgumentException ex) {
			return Violations.refuse(context, "{dues.validation.currency}", text);
		}
	}

}

package org.dues.shared.validation;

import java.util.Currency;
import java.util.Locale;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks a {@link CurrencyCode} against the JDK's ISO 4217 table. */
public class CurrencyCodeValidator implements ConstraintValidator<CurrencyCode, String> {

	@Override
	public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
		if (text == null || text.isBlank()) {
			return true;
		}
		try {
			Currency.getInstance(text.strip().toUpperCase(Locale.ROOT));
			return true;
		}
		catch (IllegalArgumentException ex) {
			return Violations.refuse(context, "{dues.validation.currency}", text);
		}
	}

}

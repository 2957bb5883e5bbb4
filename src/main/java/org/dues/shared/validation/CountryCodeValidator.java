package org.dues.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.dues.shared.CountryCodes;
import org.jspecify.annotations.Nullable;

/** Checks a {@link CountryCode}. */
public class CountryCodeValidator implements ConstraintValidator<CountryCode, String> {

	@Override
	public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
		return text == null || text.isBlank() || CountryCodes.isAssigned(text.strip());
	}

}

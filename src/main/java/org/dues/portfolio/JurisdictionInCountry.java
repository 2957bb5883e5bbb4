package org.dues.portfolio;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.dues.shared.CountryCodes;
import org.jspecify.annotations.Nullable;

/**
 * On a {@link NewCreditor}: its jurisdiction ({@code US-MA}) lies in its country
 * ({@code US}). The violation names the jurisdiction; a country that is none is its own
 * field's error.
 */
@Documented
@Constraint(validatedBy = JurisdictionInCountry.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface JurisdictionInCountry {

	String message() default "must lie in the creditor's country {value}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link JurisdictionInCountry}. */
	class Check implements ConstraintValidator<JurisdictionInCountry, NewCreditor> {

		@Override
		public boolean isValid(@Nullable NewCreditor creditor, ConstraintValidatorContext context) {
			if (creditor == null || creditor.jurisdiction() == null || !CountryCodes.isAssigned(creditor.country())) {
				return true;
			}
			String country = creditor.country().strip().toUpperCase(Locale.ROOT);
			if (creditor.jurisdiction().strip().toUpperCase(Locale.ROOT).startsWith(country)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.unwrap(org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext.class)
				.addMessageParameter("value", country)
				.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("jurisdiction")
				.addConstraintViolation();
			return false;
		}

	}

}

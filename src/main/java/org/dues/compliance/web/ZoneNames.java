package org.dues.compliance.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Every zone a person may be in, at least one, each a time zone Java knows
 * ({@code America/New_York}); the list is named as one field.
 */
@Documented
@Constraint(validatedBy = ZoneNames.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface ZoneNames {

	String message() default "name at least one zone the person may be in";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link ZoneNames}. */
	class Check implements ConstraintValidator<ZoneNames, List<String>> {

		@Override
		public boolean isValid(@Nullable List<String> zones, ConstraintValidatorContext context) {
			if (zones == null || zones.isEmpty()) {
				return false;
			}
			for (String zone : zones) {
				try {
					ZoneId.of(String.valueOf(zone));
				}
				catch (RuntimeException ex) {
					context.disableDefaultConstraintViolation();
					context.unwrap(HibernateConstraintValidatorContext.class)
						.addMessageParameter("value", String.valueOf(zone))
						.buildConstraintViolationWithTemplate("'{value}' is not a time zone such as America/New_York")
						.addConstraintViolation();
					return false;
				}
			}
			return true;
		}

	}

}

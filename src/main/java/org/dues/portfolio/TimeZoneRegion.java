package org.dues.portfolio;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * An IANA region such as {@code Asia/Kolkata}, not an offset: PostgreSQL reads
 * {@code UTC+05:30} POSIX-style, west of Greenwich, the opposite of Java, so only names
 * both agree on are safe. (Whether PostgreSQL knows the name is
 * {@link Creditors#create}'s to ask.) Required.
 */
@Documented
@Constraint(validatedBy = TimeZoneRegion.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface TimeZoneRegion {

	String message() default "must be an IANA time zone such as Asia/Kolkata";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link TimeZoneRegion}. */
	class Check implements ConstraintValidator<TimeZoneRegion, String> {

		@Override
		public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
			ZoneId zone;
			try {
				zone = ZoneId.of((text == null) ? "" : text.strip());
			}
			catch (DateTimeException ex) {
				return false;
			}
			if (zone instanceof ZoneOffset || zone.getId().matches(".*[+-]\\d.*")) {
				context.disableDefaultConstraintViolation();
				context
					.buildConstraintViolationWithTemplate("must be an IANA region such as Asia/Kolkata, not an offset")
					.addConstraintViolation();
				return false;
			}
			return true;
		}

	}

}

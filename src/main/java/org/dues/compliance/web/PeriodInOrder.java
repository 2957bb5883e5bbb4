package org.dues.compliance.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * On a filter of the compliance pages: its last day, when both are given, is not before
 * its first. The violation names {@code to}.
 */
@Documented
@Constraint(validatedBy = PeriodInOrder.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PeriodInOrder {

	String message() default "the period ends before it starts";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** A filter over a period of days. */
	interface Period {

		@Nullable LocalDate from();

		@Nullable LocalDate to();

	}

	/** Checks {@link PeriodInOrder}. */
	class Check implements ConstraintValidator<PeriodInOrder, Period> {

		@Override
		public boolean isValid(@Nullable Period period, ConstraintValidatorContext context) {
			if (period == null || period.from() == null || period.to() == null
					|| !period.to().isBefore(period.from())) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("to")
				.addConstraintViolation();
			return false;
		}

	}

}

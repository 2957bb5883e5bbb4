package org.dues.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * On a record: its components {@link #first()} and {@link #second()} are given together
 * or not at all (both ends of a time range). The violation names the second.
 */
@Documented
@Constraint(validatedBy = BothOrNeither.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface BothOrNeither {

	String first();

	String second();

	String message() default "give both ends of the time range, or neither";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link BothOrNeither}. */
	class Check implements ConstraintValidator<BothOrNeither, Record> {

		private String first = "";

		private String second = "";

		@Override
		public void initialize(BothOrNeither constraint) {
			this.first = constraint.first();
			this.second = constraint.second();
		}

		@Override
		public boolean isValid(@Nullable Record value, ConstraintValidatorContext context) {
			if (value == null || RecordComponents.given(RecordComponents.read(value, this.first)) == RecordComponents
				.given(RecordComponents.read(value, this.second))) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode(this.second)
				.addConstraintViolation();
			return false;
		}

	}

}

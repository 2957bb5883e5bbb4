package org.dues.contact.web;

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
import org.dues.customer.ContactPointKind;
import org.jspecify.annotations.Nullable;

/**
 * On a new contact point (the customer view's form, the API's request): a phone brings
 * its {@code number}, an email its {@code email}, an address its {@code address}; the
 * missing one is named. Whether the number is a valid one is the customer module's to say
 * (it reads it in the creditor's country).
 */
@Documented
@Constraint(validatedBy = ContactPointValue.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ContactPointValue {

	String message() default "{dues.validation.required}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The fields the rule reads. */
	interface Fields {

		@Nullable String kind();

		@Nullable String number();

		@Nullable String email();

		@Nullable Object address();

	}

	/** Checks {@link ContactPointValue}. */
	class Check implements ConstraintValidator<ContactPointValue, Fields> {

		@Override
		public boolean isValid(@Nullable Fields point, ConstraintValidatorContext context) {
			if (point == null || point.kind() == null) {
				return true;
			}
			ContactPointKind kind;
			try {
				kind = ContactPointKind.valueOf(point.kind().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				// its own constraint names it
				return true;
			}
			String field = switch (kind) {
				case PHONE -> blank(point.number()) ? "number" : null;
				case EMAIL -> blank(point.email()) ? "email" : null;
				case ADDRESS -> (point.address() == null) ? "address" : null;
			};
			if (field == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("{dues.validation.required}")
				.addPropertyNode(field)
				.addConstraintViolation();
			return false;
		}

		private static boolean blank(@Nullable String text) {
			return text == null || text.isBlank();
		}

	}

}

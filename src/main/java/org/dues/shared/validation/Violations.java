package org.dues.shared.validation;

import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A violation with a message of its own, the offending text given as the parameter
 * {@code {value}}: a message parameter is put in as it is, never interpolated again, so
 * text a caller sent cannot become an expression.
 */
final class Violations {

	private Violations() {
	}

	/** Replaces the default violation by one with this message; always false. */
	static boolean refuse(ConstraintValidatorContext context, String template, Object value) {
		context.disableDefaultConstraintViolation();
		context.unwrap(HibernateConstraintValidatorContext.class)
			.addMessageParameter("value", value)
			.buildConstraintViolationWithTemplate(template)
			.addConstraintViolation();
		return false;
	}

	/**
	 * A violation of a class-level constraint named on one of the record's fields.
	 */
	static boolean refuseField(ConstraintValidatorContext context, String field, String template, Object value) {
		context.disableDefaultConstraintViolation();
		context.unwrap(HibernateConstraintValidatorContext.class)
			.addMessageParameter("value", value)
			.buildConstraintViolationWithTemplate(template)
			.addPropertyNode(field)
			.addConstraintViolation();
		return false;
	}

}

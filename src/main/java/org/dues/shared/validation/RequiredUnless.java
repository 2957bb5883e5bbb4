package org.dues.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * On a record: its components {@link #value()} are required unless the component
 * {@link #given()} is there (a promise's amount and date, unless it gives a schedule).
 * Each missing one is named as its own field.
 */
@Documented
@Constraint(validatedBy = RequiredUnlessValidator.class)
@Target({ ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiredUnless {

	/** The components required. */
	String[] value();

	/** The component whose presence makes them optional. */
	String given();

	String message() default Keys.REQUIRED;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

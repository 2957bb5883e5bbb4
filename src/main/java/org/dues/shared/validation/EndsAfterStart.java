package org.dues.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * On a record: its instant {@link #end()}, when given, comes after its instant
 * {@link #start()}, or after now by the injected clock when the start is absent (a
 * restriction received now). The violation names the end's field.
 */
@Documented
@Constraint(validatedBy = EndsAfterStartValidator.class)
@Target({ ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(EndsAfterStart.List.class)
public @interface EndsAfterStart {

	/** The record component holding the start, an {@link java.time.Instant}. */
	String start();

	/** The record component holding the end, an {@link java.time.Instant}. */
	String end();

	String message() default "{dues.validation.endsAfterStart}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Several on one record. */
	@Documented
	@Target({ ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@interface List {

		EndsAfterStart[] value();

	}

}

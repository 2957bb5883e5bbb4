package org.dues.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The name of one of an enum's values, in any case ({@code upi} for {@code UPI}), as
 * {@link org.dues.shared.Choice} reads it. Null or blank passes unless
 * {@link #required()}, when the message lists the names.
 */
@Documented
@Constraint(validatedBy = OneOfValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

	/** The enum whose names are accepted. */
	Class<? extends Enum<?>> value();

	/** Whether the field must be given ("is required: one of [...]"). */
	boolean required() default false;

	String message() default "{dues.validation.oneOf}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

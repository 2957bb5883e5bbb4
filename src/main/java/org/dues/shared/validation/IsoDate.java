package org.dues.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An ISO date ({@code yyyy-MM-dd}) within {@link org.dues.shared.CalendarBounds}, as a
 * form or a request gives it in text. Null or blank passes.
 */
@Documented
@Constraint(validatedBy = IsoDateValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDate {

	String message() default "{dues.validation.date}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

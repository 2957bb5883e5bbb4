package org.dues.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An instant that has happened by the application's {@link java.time.Clock} (when a
 * notice was received, say): {@code @PastOrPresent} by the injected clock rather than the
 * system's, so tests that move the clock see the same rule. Null passes.
 */
@Documented
@Constraint(validatedBy = NotInFutureValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface NotInFuture {

	String message() default "{dues.validation.notInFuture}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

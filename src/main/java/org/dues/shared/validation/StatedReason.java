package org.dues.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Why something is recorded or lifted (a hold, a consent, a banned medium), as the person
 * or document stated it: required, at most 1000 characters, lines allowed but no other
 * control character (the rule compliance's restrictions keep for every caller).
 */
@Documented
@NotBlank(message = "{dues.validation.reason.required}")
@Size(max = 1000, message = Keys.LENGTH)
@Pattern(regexp = "[\\P{Cc}\\n\\r\\t]*", message = Keys.CONTROLS)
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface StatedReason {

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

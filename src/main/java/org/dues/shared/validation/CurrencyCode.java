package org.dues.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An ISO 4217 currency code ({@code INR}, {@code usd}), in any case; with
 * {@link #national()}, a country's own (not {@code XXX}, {@code XAU}). Null or blank
 * passes.
 */
@Documented
@Constraint(validatedBy = CurrencyCodeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrencyCode {

	/** Whether only a national currency is accepted. */
	boolean national() default false;

	String message() default "{dues.validation.currency}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

package org.dues.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An assigned ISO 3166-1 alpha-2 country code ({@link org.dues.shared.CountryCodes}), in
 * any case. Null or blank passes.
 */
@Documented
@Constraint(validatedBy = CountryCodeValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CountryCode {

	String message() default "{dues.validation.country}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

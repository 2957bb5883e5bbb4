package org.dues.messaging.provider;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * A bean made only when every named property has a value that is not blank. Unlike
 * {@code @ConditionalOnProperty}, an empty value counts as unset: the properties are
 * mapped from environment variables with an empty default
 * ({@code ${DUES_TWILIO_ACCOUNT_SID:}}), so an unset variable gives an empty property.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnSetCondition.class)
@interface ConditionalOnSet {

	/** The properties that must all be set. */
	String[] value();

}

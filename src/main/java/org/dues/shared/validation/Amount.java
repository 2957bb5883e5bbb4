package org.dues.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An amount of money as a request gives it: a decimal string such as {@code 2600.00},
 * greater than zero, at most {@link org.dues.shared.Money#INPUT_LIMIT}, with at most
 * {@link #decimals()} decimal places. Null or blank passes (pair with {@code @NotBlank}
 * where it is required). Whether the places suit the account's own currency is checked
 * when the amount becomes {@link org.dues.shared.Money}.
 */
@Documented
@Constraint(validatedBy = AmountValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {

	String message() default "{dues.validation.amount}";

	/**
	 * How many decimal places at most: by default 4, the most any ISO 4217 currency has
	 * (a Kuwaiti dinar has 3), so a creditor in such a currency is served; the account's
	 * own currency (2 for INR, USD and GBP, none for JPY) is checked when the amount
	 * becomes {@link org.dues.shared.Money} ({@link RequestMoney}).
	 */
	int decimals() default 4;

	/** Whether zero is accepted (an optional amount that may be nil). */
	boolean zero() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

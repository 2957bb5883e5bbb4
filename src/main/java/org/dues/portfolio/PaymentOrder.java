package org.dues.portfolio;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A creditor's waterfall as given: each of FEES, INTEREST and PRINCIPAL once, in any
 * case, in the order payments go to them ({@link Waterfall}). Absent passes (the
 * default).
 */
@Documented
@Constraint(validatedBy = PaymentOrder.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface PaymentOrder {

	String message() default "must list FEES, INTEREST and PRINCIPAL once each";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link PaymentOrder}. */
	class Check implements ConstraintValidator<PaymentOrder, List<String>> {

		@Override
		public boolean isValid(@Nullable List<String> order, ConstraintValidatorContext context) {
			return order == null || of(order) != null;
		}

		/** The waterfall, or null when the names are not each component once. */
		static @Nullable Waterfall of(List<String> order) {
			try {
				return new Waterfall(order.stream()
					.map((c) -> BalanceComponent.valueOf(String.valueOf(c).strip().toUpperCase(Locale.ROOT)))
					.toList());
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				return null;
			}
		}

	}

}

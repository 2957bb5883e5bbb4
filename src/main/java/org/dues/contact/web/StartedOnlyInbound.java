package org.dues.contact.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.dues.compliance.Direction;
import org.jspecify.annotations.Nullable;

/**
 * On a contact to log: only an inbound contact takes a start time; an outbound attempt
 * happens now, when the gate decides. The violation names {@code startedAt}.
 */
@Documented
@Constraint(validatedBy = StartedOnlyInbound.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface StartedOnlyInbound {

	String message() default "an outbound attempt happens now, when the gate decides; only inbound contacts take a time";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link StartedOnlyInbound}. */
	class Check implements ConstraintValidator<StartedOnlyInbound, ContactsApi.ContactRequest> {

		@Override
		public boolean isValid(ContactsApi.@Nullable ContactRequest request, ConstraintValidatorContext context) {
			if (request == null || request.startedAt() == null || (request.direction() != null
					&& request.direction().strip().equalsIgnoreCase(Direction.INBOUND.name()))) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("startedAt")
				.addConstraintViolation();
			return false;
		}

	}

}

package org.dues.shared.validation;

import java.time.Clock;
import java.time.Instant;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link NotInFuture} against the injected clock (Spring's validator factory
 * builds validators with their constructor's beans).
 */
public class NotInFutureValidator implements ConstraintValidator<NotInFuture, Instant> {

	private final Clock clock;

	public NotInFutureValidator(Clock clock) {
		this.clock = clock;
	}

	@Override
	public boolean isValid(@Nullable Instant at, ConstraintValidatorContext context) {
		return at == null || !at.isAfter(this.clock.instant())
				|| Violations.refuse(context, "{dues.validation.notInFuture}", at);
	}

}

package org.dues.shared.validation;

import java.time.Clock;
import java.time.Instant;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks an {@link EndsAfterStart} on a record, reading the two components by name; an
 * absent start is now by the injected clock.
 */
public class EndsAfterStartValidator implements ConstraintValidator<EndsAfterStart, Record> {

	private final Clock clock;

	private String start = "";

	private String end = "";

	public EndsAfterStartValidator(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void initialize(EndsAfterStart constraint) {
		this.start = constraint.start();
		this.end = constraint.end();
	}

	@Override
	public boolean isValid(@Nullable Record value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		Instant end = component(value, this.end);
		if (end == null) {
			return true;
		}
		Instant given = component(value, this.start);
		Instant start = (given != null) ? given : this.clock.instant();
		return end.isAfter(start)
				|| Violations.refuseField(context, this.end, "{dues.validation.endsAfterStart}", start);
	}

	private static @Nullable Instant component(Record value, String name) {
		return (Instant) RecordComponents.read(value, name);
	}

}

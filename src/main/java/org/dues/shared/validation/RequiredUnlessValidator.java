package org.dues.shared.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks a {@link RequiredUnless}, naming each missing component. */
public class RequiredUnlessValidator implements ConstraintValidator<RequiredUnless, Record> {

	private String[] required = {};

	private String given = "";

	private String message = Keys.REQUIRED;

	@Override
	public void initialize(RequiredUnless constraint) {
		this.required = constraint.value();
		this.given = constraint.given();
		this.message = constraint.message();
	}

	@Override
	public boolean isValid(@Nullable Record value, ConstraintValidatorContext context) {
		if (value == null || RecordComponents.given(RecordComponents.read(value, this.given))) {
			return true;
		}
		boolean valid = true;
		context.disableDefaultConstraintViolation();
		for (String field : this.required) {
			if (!RecordComponents.given(RecordComponents.read(value, field))) {
				context.buildConstraintViolationWithTemplate(this.message)
					.addPropertyNode(field)
					.addConstraintViolation();
				valid = false;
			}
		}
		return valid;
	}

}

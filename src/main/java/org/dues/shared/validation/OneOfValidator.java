package org.dues.shared.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks a {@link OneOf}, listing the names it accepts. */
public class OneOfValidator implements ConstraintValidator<OneOf, String> {

	private List<String> names = List.of();

	private boolean required;

	@Override
	public void initialize(OneOf oneOf) {
		this.names = Arrays.stream(oneOf.value().getEnumConstants()).map(Enum::name).toList();
		this.required = oneOf.required();
	}

	@Override
	public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
		boolean blank = text == null || text.isBlank();
		if ((blank && !this.required) || (!blank && this.names.contains(text.strip().toUpperCase(Locale.ROOT)))) {
			return true;
		}
		context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("names", this.names.toString());
		return Violations.refuse(context, blank ? "{dues.validation.oneOf.required}" : "{dues.validation.oneOf}",
				String.valueOf(text));
	}

}

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

	@Override
	public void initialize(OneOf oneOf) {
		this.names = Arrays.stream(oneOf.value().getEnumConstants()).map(Enum::name).toList();
	}

	@Override
	public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
		if (text == null || text.isBlank() || this.names.contains(text.strip().toUpperCase(Locale.ROOT))) {
			return true;
		}
		context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("names", this.names.toString());
		return Violations.refuse(context, "{dues.validation.oneOf}", text);
	}

}

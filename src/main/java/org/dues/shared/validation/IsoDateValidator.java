package org.dues.shared.validation;

import java.time.DateTimeException;
import java.time.LocalDate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.dues.shared.CalendarBounds;
import org.jspecify.annotations.Nullable;

/** Checks an {@link IsoDate}: its form, then the calendar's bounds. */
public class IsoDateValidator implements ConstraintValidator<IsoDate, String> {

	@Override
	public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
		if (text == null || text.isBlank()) {
			return true;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeException ex) {
			return Violations.refuse(context, "{dues.validation.date}", text.strip());
		}
		return CalendarBounds.contains(date) || Violations.refuse(context, "{dues.validation.date.bounds}", text);
	}

}

package org.dues.system;

import java.util.Comparator;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A form's Bean Validation errors as a page shows them, in the words an
 * {@link org.dues.shared.InvalidInputException} would use: {@code amount: is required;
 * dueOn: '2026-13-01' is not a date yyyy-MM-dd}, each field named, in a stable order.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/** The errors, or an empty text when there are none. */
	public static String describe(BindingResult binding) {
		return binding.getAllErrors()
			.stream()
			.map((e) -> (e instanceof FieldError field) ? field.getField() + ": " + message(field)
					: e.getObjectName() + ": " + e.getDefaultMessage())
			.distinct()
			.sorted(Comparator.naturalOrder())
			.reduce((a, b) -> a + "; " + b)
			.orElse("");
	}

	/** A value that could not even be converted (text for a number) says so plainly. */
	private static String message(FieldError error) {
		return error.isBindingFailure() ? "'%s' is not valid here".formatted(error.getRejectedValue())
				: String.valueOf(error.getDefaultMessage());
	}

}

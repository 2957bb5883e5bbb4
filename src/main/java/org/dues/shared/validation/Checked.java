package org.dues.shared.validation;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;

/**
 * Bean Validation run by a facade on its input record, for callers that are not a
 * controller (the demo data, other modules): the same constraints, the same answer, an
 * {@link InvalidInputException} naming each field.
 */
public final class Checked {

	private Checked() {
	}

	/**
	 * The input itself when it meets its constraints.
	 * @throws InvalidInputException naming each violated field, in a stable order
	 */
	public static <T> T valid(Validator validator, T input) {
		List<FieldError> errors = validator.validate(input)
			.stream()
			.map(Checked::error)
			.distinct()
			.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
			.toList();
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return input;
	}

	private static FieldError error(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		return new FieldError(path.isEmpty() ? "request" : path, violation.getMessage());
	}

}

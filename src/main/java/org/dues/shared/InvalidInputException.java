package org.dues.shared;

import java.util.List;

/**
 * Input that breaks a rule of the domain, naming each offending field, so a caller can
 * correct it. Nothing was changed.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public InvalidInputException(List<FieldError> errors) {
		super(errors.stream().map((e) -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** One field and what is wrong with it. */
	public record FieldError(String field, String message) {
	}

}

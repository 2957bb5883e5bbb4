package org.dues.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Input that breaks a rule of the domain, naming each offending field, so a caller can
 * correct it. Nothing was changed. Each error's message is the English the API answers
 * with; where it has a {@link Phrase} too, pages say that in the reader's language.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	/** One field's error in the API's English, and as pages say it. */
	public InvalidInputException(String field, String message, Phrase phrase) {
		this(List.of(new FieldError(field, message, phrase)));
	}

	public InvalidInputException(List<FieldError> errors) {
		super(errors.stream().map((e) -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * One field and what is wrong with it.
	 *
	 * @param message the English the API answers with
	 * @param phrase the same for a page, in the reader's language; null where none was
	 * given (a page then names the field's label before the message)
	 */
	public record FieldError(String field, String message, @Nullable Phrase phrase) {

		public FieldError(String field, String message) {
			this(field, message, null);
		}

	}

}

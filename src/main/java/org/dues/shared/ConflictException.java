package org.dues.shared;

import org.jspecify.annotations.Nullable;

/**
 * The request is well formed but clashes with what already exists, for example a payment
 * reference already used for a different payment. The message is the API's English; a
 * {@link Phrase}, where given, is what pages say instead.
 */
public class ConflictException extends RuntimeException {

	private final @Nullable Phrase phrase;

	public ConflictException(String message) {
		this(message, null);
	}

	public ConflictException(String message, @Nullable Phrase phrase) {
		super(message);
		this.phrase = phrase;
	}

	/** What a page says, in the reader's language; null where only the English exists. */
	public @Nullable Phrase phrase() {
		return this.phrase;
	}

}

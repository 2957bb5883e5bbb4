package org.dues.shared;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads one of an enum's values from request text, case-insensitively, or says which
 * field is wrong and what it may be.
 */
public final class Choice {

	private Choice() {
	}

	/**
	 * @throws InvalidInputException naming the field when the text is absent or not one
	 * of the values
	 */
	public static <E extends Enum<E>> E of(String field, @Nullable String text, Class<E> type) {
		E value = orNull(field, text, type);
		if (value == null) {
			throw new InvalidInputException(field, "is required: one of " + List.of(type.getEnumConstants()),
					Phrase.of("validation.choose", Phrase.of("validation.field." + field)));
		}
		return value;
	}

	/**
	 * The value, or the fallback when the text is absent.
	 * @throws InvalidInputException naming the field when the text is not one of the
	 * values
	 */
	public static <E extends Enum<E>> E orElse(String field, @Nullable String text, Class<E> type, E fallback) {
		E value = orNull(field, text, type);
		return (value == null) ? fallback : value;
	}

	/**
	 * The value, or null when the text is absent.
	 * @throws InvalidInputException naming the field when the text is not one of the
	 * values
	 */
	public static <E extends Enum<E>> @Nullable E orNull(String field, @Nullable String text, Class<E> type) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field,
					"'%s' is not one of %s".formatted(text, List.of(type.getEnumConstants())),
					Phrase.of("validation.notValid", Phrase.of("validation.field." + field), text));
		}
	}

}

package org.dues.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Words for a person to read, as a message key and its arguments, so that a page says
 * them in the reader's language with amounts, dates and times in the reader's formats.
 * The English text that the API, the logs and the audit trail carry is made beside it,
 * where it always was; a phrase is what the pages show instead.
 * <p>
 * Arguments are values, not text: {@link Money} (an amount in the reader's grouping),
 * {@link LocalDate}, {@link LocalTime}, {@link Instant} (in the reader's zone, named),
 * whole numbers (for plurals), {@link BigDecimal} (a figure such as a percentage),
 * another phrase (a label, say {@code outcome.PROMISE_TO_PAY}) and plain text (a name, a
 * number as written). {@link #all} joins phrases into one (the findings of a rule about
 * several holds, say); {@link #commas} lists them.
 *
 * @param key the message key; empty for {@link #all}, a comma for {@link #commas} and a
 * line break for {@link #lines}, whose arguments are the phrases
 * @param arguments the arguments, in the order the message numbers them
 */
public record Phrase(String key, List<Object> arguments) {

	public Phrase {
		Objects.requireNonNull(key, "key");
		arguments = List.copyOf(arguments);
		for (Object argument : arguments) {
			if (!(argument instanceof CharSequence || argument instanceof Integer || argument instanceof Long
					|| argument instanceof BigDecimal || argument instanceof Money || argument instanceof LocalDate
					|| argument instanceof LocalTime || argument instanceof Instant || argument instanceof Phrase)) {
				throw new IllegalArgumentException("a phrase cannot carry a " + argument.getClass().getName());
			}
		}
		if ((key.isEmpty() || key.equals(",") || key.equals("\n"))
				&& arguments.stream().anyMatch((a) -> !(a instanceof Phrase))) {
			throw new IllegalArgumentException("a joined phrase joins only phrases");
		}
	}

	/** The message under the key with the arguments. */
	public static Phrase of(String key, Object... arguments) {
		return new Phrase(key, List.of(arguments));
	}

	/** The phrases said one after another, as a list ("…; …"); one alone is itself. */
	public static Phrase all(List<Phrase> phrases) {
		return (phrases.size() == 1) ? phrases.get(0) : new Phrase("", new ArrayList<>(phrases));
	}

	/**
	 * The phrases as an enumeration ("Mon, Fri"); one alone is itself.
	 */
	public static Phrase commas(List<Phrase> phrases) {
		return (phrases.size() == 1) ? phrases.get(0) : new Phrase(",", new ArrayList<>(phrases));
	}

	/**
	 * The phrases one to a line (a transcript's lines); one alone is itself.
	 */
	public static Phrase lines(List<Phrase> phrases) {
		return (phrases.size() == 1) ? phrases.get(0) : new Phrase("\n", new ArrayList<>(phrases));
	}

	/**
	 * Whether this joins several phrases ({@link #all}, {@link #commas}, {@link #lines}).
	 */
	public boolean joined() {
		return this.key.isEmpty() || this.key.equals(",") || this.key.equals("\n");
	}

	/** What goes between joined phrases: {@code "; "}, {@code ", "} or a line break. */
	public String separator() {
		return this.key.isEmpty() ? "; " : this.key.equals("\n") ? "\n" : ", ";
	}

}

package org.dues.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.Phrase;
import org.dues.system.web.Formats;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Says {@link Phrase}s and form errors in the reader's language
 * ({@code ${@phrases.say(p)}} in a template): amounts in their currency's grouping, dates
 * in the reader's conventions, times in the reader's zone with the zone named, labels in
 * place of field names. A page's sentence for a refused form is "Amount must be greater
 * than zero", not {@code amount: must be greater than zero}; the API keeps the latter.
 */
@Component("phrases")
public class Phrases {

	/** The key of a field's label: {@code validation.field.dueOn}. */
	static final String LABEL = "validation.field.";

	private final MessageSource messages;

	private final Formats formats;

	Phrases(MessageSource messages, Formats formats) {
		this.messages = messages;
		this.formats = formats;
	}

	/** The phrase in the reader's language; empty for none. */
	public String say(@Nullable Phrase phrase) {
		if (phrase == null) {
			return "";
		}
		if (phrase.joined()) {
			return String.join(phrase.separator(), phrase.arguments().stream().map((p) -> say((Phrase) p)).toList());
		}
		Object[] arguments = phrase.arguments().stream().map(this::argument).toArray();
		return this.messages.getMessage(phrase.key(), arguments, locale());
	}

	/** Each phrase, in the reader's language. */
	public List<String> sayEach(List<Phrase> phrases) {
		return phrases.stream().map(this::say).toList();
	}

	/** The phrase where there is one, else the text as it came (an older record's). */
	public String sayOr(@Nullable Phrase phrase, @Nullable String text) {
		return (phrase != null) ? say(phrase) : (text == null) ? "" : text;
	}

	/** A field's label ("Due date" for {@code dueOn}), or its name where it has none. */
	public String label(String field) {
		try {
			return this.messages.getMessage(LABEL + field, null, locale());
		}
		catch (NoSuchMessageException ex) {
			return field;
		}
	}

	/**
	 * An error of the domain, as a page says it: its phrase, or the field's label before
	 * its (English) message.
	 */
	public String say(InvalidInputException.FieldError error) {
		if (error.phrase() != null) {
			return say(error.phrase());
		}
		return say(Phrase.of("validation.field", Phrase.of(LABEL + error.field()), error.message()));
	}

	/** Every error of the domain, one after another. */
	public String describe(InvalidInputException ex) {
		return String.join("; ", ex.errors().stream().map(this::say).distinct().toList());
	}

	/**
	 * What a page says of a refusal: an {@link InvalidInputException}'s errors, a
	 * {@link ConflictException}'s phrase, else the exception's (English) message.
	 */
	public String problem(RuntimeException ex) {
		if (ex instanceof InvalidInputException invalid) {
			return describe(invalid);
		}
		if (ex instanceof ConflictException conflict && conflict.phrase() != null) {
			return say(conflict.phrase());
		}
		return String.valueOf(ex.getMessage());
	}

	/** A form's errors, each as a page says it, in a stable order. */
	public String describe(BindingResult binding) {
		return String.join("; ", errors(binding).stream().map(Error::text).distinct().sorted().toList());
	}

	/**
	 * A form's errors, each with its field (null for the form as a whole) and its text: a
	 * value that could not be read says so; a constraint that gave a phrase of its own
	 * says it; any other names the field's label before Bean Validation's message (which
	 * {@code ValidationMessages_hi} and {@code _ml} give in the reader's language).
	 */
	public List<Error> errors(BindingResult binding) {
		List<Error> errors = new ArrayList<>();
		for (ObjectError error : binding.getAllErrors()) {
			if (error instanceof FieldError field) {
				errors.add(new Error(field.getField(), say(phrase(field))));
			}
			else {
				Phrase own = dynamic(error);
				errors.add(new Error(null, (own != null) ? say(own) : String.valueOf(error.getDefaultMessage())));
			}
		}
		errors.sort(Comparator.comparing((Error e) -> String.valueOf(e.field())).thenComparing(Error::text));
		return errors;
	}

	private Phrase phrase(FieldError field) {
		Phrase label = Phrase.of(LABEL + field.getField());
		if (field.isBindingFailure()) {
			return Phrase.of("validation.notValid", label, String.valueOf(field.getRejectedValue()));
		}
		Phrase own = dynamic(field);
		return (own != null) ? own : Phrase.of("validation.field", label, String.valueOf(field.getDefaultMessage()));
	}

	/** The phrase a constraint gave its violation (as Hibernate Validator's payload). */
	private static @Nullable Phrase dynamic(ObjectError error) {
		if (!error.contains(ConstraintViolation.class)) {
			return null;
		}
		ConstraintViolation<?> violation = error.unwrap(ConstraintViolation.class);
		if (violation instanceof HibernateConstraintViolation<?> hibernate) {
			return hibernate.getDynamicPayload(Phrase.class);
		}
		return null;
	}

	private Object argument(Object argument) {
		return switch (argument) {
			case Phrase phrase when phrase.key().startsWith(LABEL) -> label(phrase.key().substring(LABEL.length()));
			case Phrase phrase -> say(phrase);
			case Money money -> this.formats.money(money);
			case LocalDate date -> this.formats.date(date);
			case LocalTime time -> this.formats.timeOfDay(time);
			case Instant instant -> this.formats.time(instant);
			case CharSequence text -> text.toString();
			default -> argument; // numbers, for plurals and their own formats
		};
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	/** A form's error: its field (null for the whole form) and what a page says. */
	public record Error(@Nullable String field, String text) {
	}

}

package org.dues.work.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.dues.shared.Phrase;
import org.dues.work.CallResult;
import org.dues.work.Outcome;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * On a disposition (the desk's form, the API's request): a result is given; an outcome
 * only the customer can give comes with {@code RIGHT_PARTY}, any other with someone who
 * answered; and each outcome brings the fields it acts on (a promise its amount and date,
 * a plan its instalments, frequency and first date, a settlement its amount, a callback
 * its time, an attorney hold the attorney's name in the note). Every violation names its
 * field, all at once, before a call is logged. {@link org.dues.work.Desk} keeps the same
 * rules as its own guard.
 */
@Documented
@Constraint(validatedBy = OutcomeDetails.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface OutcomeDetails {

	String message() default "{dues.validation.required}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The fields of a disposition the rule reads, whatever their types. */
	interface Fields {

		@Nullable String result();

		@Nullable String outcome();

		@Nullable Object amount();

		@Nullable Object dueOn();

		@Nullable Integer instalments();

		@Nullable String frequency();

		@Nullable Object callbackAt();

		@Nullable String note();

	}

	/** Checks {@link OutcomeDetails}. */
	class Check implements ConstraintValidator<OutcomeDetails, Fields> {

		private static final Map<Outcome, List<String>> NEEDS = Map.of(Outcome.PROMISE_TO_PAY,
				List.of("amount", "dueOn"), Outcome.PLAN_AGREED, List.of("instalments", "frequency", "dueOn"),
				Outcome.SETTLEMENT_AGREED, List.of("amount"), Outcome.CALLBACK, List.of("callbackAt"), Outcome.ATTORNEY,
				List.of("note"));

		@Override
		public boolean isValid(@Nullable Fields form, ConstraintValidatorContext context) {
			if (form == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			CallResult result = parse(form.result(), CallResult.class);
			Outcome outcome = parse(form.outcome(), Outcome.class);
			boolean valid = true;
			if (blank(form.result())) {
				valid = refuse(context, "result", "say how the call ended", Phrase.of("validation.outcome.result"));
			}
			if (outcome == null) {
				return valid;
			}
			if (result != null && outcome.needsRightParty() && result != CallResult.RIGHT_PARTY) {
				valid = refuse(context, "outcome",
						outcome + " needs a conversation with the customer (result RIGHT_PARTY)",
						Phrase.of("validation.outcome.rightParty", Phrase.of("outcome." + outcome),
								Phrase.of("desk.result.RIGHT_PARTY")));
			}
			else if (result != null && result != CallResult.RIGHT_PARTY && result != CallResult.THIRD_PARTY) {
				valid = refuse(context, "outcome", outcome + " needs someone to have answered",
						Phrase.of("validation.outcome.answered", Phrase.of("outcome." + outcome)));
			}
			for (String field : NEEDS.getOrDefault(outcome, List.of())) {
				if (blank(value(form, field))) {
					valid = refuse(context, field,
							(outcome == Outcome.ATTORNEY)
									? "is required for this outcome: the attorney's name and contact"
									: "is required for this outcome",
							Phrase.of("validation.outcome." + outcome + "." + field));
				}
			}
			return valid;
		}

		private static @Nullable Object value(Fields form, String field) {
			return switch (field) {
				case "amount" -> form.amount();
				case "dueOn" -> form.dueOn();
				case "instalments" -> form.instalments();
				case "frequency" -> form.frequency();
				case "callbackAt" -> form.callbackAt();
				default -> form.note();
			};
		}

		private static boolean blank(@Nullable Object value) {
			return value == null || (value instanceof String text && text.isBlank());
		}

		/** The value, or null when absent or not one (its own constraint says so). */
		private static <E extends Enum<E>> @Nullable E parse(@Nullable String text, Class<E> type) {
			try {
				return blank(text) ? null : Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		/**
		 * A violation of the field: the English message (the API's), and the phrase a
		 * page says instead, carried as the violation's payload.
		 */
		private static boolean refuse(ConstraintValidatorContext context, String field, String message, Phrase phrase) {
			context.unwrap(HibernateConstraintValidatorContext.class)
				.withDynamicPayload(phrase)
				.buildConstraintViolationWithTemplate(message)
				.addPropertyNode(field)
				.addConstraintViolation();
			return false;
		}

	}

}

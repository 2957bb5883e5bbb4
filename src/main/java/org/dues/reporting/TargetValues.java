package org.dues.reporting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * A month's target as set: the amount to collect in each currency, and the promises to be
 * kept and accounts to be resolved (counts). A measure left out has no target.
 *
 * @throws InvalidInputException naming the measure when an amount is negative or beyond
 * {@link Money#INPUT_LIMIT}, a currency repeats, a count is negative or above a billion,
 * or no measure is given at all
 */
public record TargetValues(List<Money> collected, @Nullable Long promisesKept, @Nullable Long accountsResolved) {

	/** The largest count a target may set. */
	public static final long COUNT_LIMIT = 1_000_000_000L;

	public TargetValues {
		collected = List.copyOf(collected);
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		Set<String> currencies = new HashSet<>();
		for (Money money : collected) {
			if (money.isNegative()) {
				errors.add(new InvalidInputException.FieldError("collected", "must not be negative",
						Phrase.of("target.error.negative")));
			}
			else if (!money.withinInputLimit()) {
				errors.add(new InvalidInputException.FieldError("collected",
						"must be at most %s".formatted(Money.INPUT_LIMIT.toPlainString()),
						Phrase.of("target.error.limit", Money.INPUT_LIMIT)));
			}
			if (!currencies.add(money.currencyCode())) {
				errors.add(new InvalidInputException.FieldError("collected",
						"%s is given twice".formatted(money.currencyCode()),
						Phrase.of("target.error.twice", money.currencyCode())));
			}
		}
		count("promisesKept", promisesKept, errors);
		count("accountsResolved", accountsResolved, errors);
		if (errors.isEmpty() && collected.isEmpty() && promisesKept == null && accountsResolved == null) {
			errors.add(new InvalidInputException.FieldError("collected",
					"give at least one measure: collected, promisesKept or accountsResolved",
					Phrase.of("target.error.none")));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static void count(String field, @Nullable Long value, List<InvalidInputException.FieldError> errors) {
		if (value != null && (value < 0 || value > COUNT_LIMIT)) {
			errors.add(new InvalidInputException.FieldError(field,
					"must be a whole number from 0 to %d".formatted(COUNT_LIMIT),
					Phrase.of("target.error.countRange", COUNT_LIMIT)));
		}
	}

}

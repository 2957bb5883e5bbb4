package org.dues.shared;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * When a debtor can plausibly have been born: not before 1900 and at least
 * {@value #MINIMUM_AGE} years before today (nobody younger holds a loan of their own). A
 * date of birth in the future or last year is a typing mistake, not a customer.
 */
public final class DateOfBirth {

	public static final int MINIMUM_AGE = 16;

	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private DateOfBirth() {
	}

	/**
	 * Why {@code date} cannot be a date of birth, or empty when it can.
	 * @param today the day it is judged on; when null only the earliest date is checked
	 */
	public static Optional<String> refusal(LocalDate date, @Nullable LocalDate today) {
		if (date.isBefore(EARLIEST)) {
			return Optional.of("%s is before %s".formatted(date, EARLIEST));
		}
		if (today != null && !date.isBefore(today)) {
			return Optional.of("%s is not in the past".formatted(date));
		}
		if (today != null && date.isAfter(today.minusYears(MINIMUM_AGE))) {
			return Optional.of("%s would make the customer younger than %d".formatted(date, MINIMUM_AGE));
		}
		return Optional.empty();
	}

}

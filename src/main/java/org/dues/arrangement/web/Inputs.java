package org.dues.arrangement.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.dues.arrangement.Asker;
import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;

/**
 * Reads request fields, gathering every error so that all are reported at once.
 */
final class Inputs {

	private final List<FieldError> errors = new ArrayList<>();

	private final Currency currency;

	Inputs(Currency currency) {
		this.currency = currency;
	}

	@Nullable Money money(String field, @Nullable String text, @Nullable String givenCurrency) {
		if (givenCurrency != null && !givenCurrency.isBlank()
				&& !givenCurrency.strip().equalsIgnoreCase(this.currency.getCurrencyCode())) {
			this.errors.add(new FieldError("currency",
					"%s is not the account's currency %s".formatted(givenCurrency, this.currency.getCurrencyCode())));
			return null;
		}
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		if (!value.matches("-?\\d+(\\.\\d+)?")) {
			this.errors.add(new FieldError(field, "'%s' is not a decimal amount such as 2600.00".formatted(text)));
			return null;
		}
		BigDecimal amount = new BigDecimal(value);
		if (amount.signum() <= 0) {
			this.errors.add(new FieldError(field, "must be greater than zero"));
			return null;
		}
		if (amount.compareTo(Money.INPUT_LIMIT) > 0) {
			this.errors.add(new FieldError(field, "is too large"));
			return null;
		}
		try {
			return new Money(amount, this.currency);
		}
		catch (IllegalArgumentException ex) {
			this.errors.add(new FieldError(field,
					"'%s' has more decimal places than %s allows".formatted(text, this.currency.getCurrencyCode())));
			return null;
		}
	}

	/** A non-negative amount; zero when absent or invalid (the error is recorded). */
	Money amountOrZero(String field, @Nullable String text) {
		if (text == null || text.isBlank() || text.strip().matches("0+(\\.0+)?")) {
			return Money.zero(this.currency);
		}
		Money money = money(field, text, null);
		return (money == null) ? Money.zero(this.currency) : money;
	}

	@Nullable LocalDate date(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return org.dues.shared.CalendarBounds.parse(field, text);
		}
		catch (InvalidInputException ex) {
			this.errors.addAll(ex.errors());
			return null;
		}
	}

	<E extends Enum<E>> @Nullable E choice(String field, @Nullable String text, Class<E> type) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			this.errors
				.add(new FieldError(field, "'%s' is not one of %s".formatted(text, List.of(type.getEnumConstants()))));
			return null;
		}
	}

	/** A missing field is reported, unless it was given and already reported as wrong. */
	void require(String field, @Nullable Object value) {
		if (value == null && this.errors.stream().noneMatch((e) -> e.field().equals(field))) {
			this.errors.add(new FieldError(field, "is required"));
		}
	}

	void check() {
		if (!this.errors.isEmpty()) {
			throw new InvalidInputException(List.copyOf(this.errors));
		}
	}

	static Asker asker(Authentication user) {
		return Asker.of(user.getName(), user.getAuthorities().stream().map((a) -> a.getAuthority()).toList());
	}

}

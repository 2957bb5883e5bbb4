package org.dues.shared.validation;

import java.math.BigDecimal;
import java.util.Currency;

import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Amount} of a validated request turned into {@link Money} in the currency of
 * the account or creditor it concerns: the two rules Bean Validation cannot see from the
 * request alone, that a currency given must be that one, and that the amount has no more
 * places than that currency has (none for JPY).
 */
public final class RequestMoney {

	private RequestMoney() {
	}

	/**
	 * The amount, or null when the text is absent.
	 * @throws InvalidInputException naming {@code currency} when {@code given} differs
	 * from {@code currency}, or {@code field} when the currency takes fewer places
	 */
	public static @Nullable Money of(String field, @Nullable String text, Currency currency, @Nullable String given) {
		if (given != null && !given.isBlank() && !given.strip().equalsIgnoreCase(currency.getCurrencyCode())) {
			throw new InvalidInputException("currency",
					"%s is not the account's currency %s".formatted(given, currency.getCurrencyCode()));
		}
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new Money(new BigDecimal(text.strip()), currency);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field,
					"'%s' has more decimal places than %s allows".formatted(text, currency.getCurrencyCode()),
					org.dues.shared.Phrase.of("validation.amount.places",
							org.dues.shared.Phrase.of("validation.field." + field), text, currency.getCurrencyCode()));
		}
	}

	/** The amount, or zero in the currency when the text is absent. */
	public static Money orZero(String field, @Nullable String text, Currency currency) {
		Money money = of(field, text, currency, null);
		return (money == null) ? Money.zero(currency) : money;
	}

}

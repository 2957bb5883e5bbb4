package org.dues.portfolio;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dues.shared.Money;

/**
 * Reads amounts as people write them: {@code 1234.5}, {@code 1,234.50} (Western
 * grouping), {@code 1,23,456.50} (Indian grouping), optionally after the currency's
 * symbol or code ({@code ₹1,23,456.50}, {@code $1,234.50}, {@code INR 500}). Grouping
 * must be consistent; anything else is refused rather than guessed.
 */
final class AmountFormat {

	private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");

	private static final Pattern WESTERN = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	private static final Pattern INDIAN = Pattern.compile("-?(\\d{1,2},)?(\\d{2},)*\\d{2},\\d{3}(\\.\\d+)?");

	private static final Map<String, List<String>> SYMBOLS = Map.of("INR", List.of("₹", "Rs.", "Rs", "INR"), "USD",
			List.of("US$", "$", "USD"), "GBP", List.of("£", "GBP"), "EUR", List.of("€", "EUR"));

	private AmountFormat() {
	}

	/**
	 * Digits with at most one dot inside: what most files hold, checked without a regex.
	 */
	private static boolean isPlainNumber(String value) {
		int dots = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '.') {
				if (++dots > 1 || i == 0 || i == value.length() - 1) {
					return false;
				}
			}
			else if (c < '0' || c > '9') {
				return false;
			}
		}
		return !value.isEmpty();
	}

	/**
	 * @throws IllegalArgumentException with a message a person can act on
	 */
	static Money parse(String text, Currency currency) {
		return parse(text, currency, DigitGrouping.ANY);
	}

	/**
	 * @throws IllegalArgumentException with a message a person can act on
	 */
	static Money parse(String text, Currency currency, DigitGrouping grouping) {
		String value = text.strip();
		for (String symbol : SYMBOLS.getOrDefault(currency.getCurrencyCode(), List.of(currency.getCurrencyCode()))) {
			if (value.startsWith(symbol)) {
				value = value.substring(symbol.length()).strip();
				break;
			}
		}
		// Every symbol starts with a non-digit: most amounts need no look at them.
		boolean symbol = !value.isEmpty() && !Character.isDigit(value.charAt(0));
		for (var entry : symbol ? SYMBOLS.entrySet() : Map.<String, List<String>>of().entrySet()) {
			if (!entry.getKey().equals(currency.getCurrencyCode())
					&& entry.getValue().stream().anyMatch(value::startsWith) && !value.startsWith("-")) {
				throw new IllegalArgumentException(
						"'%s' is in %s, not %s".formatted(text, entry.getKey(), currency.getCurrencyCode()));
			}
		}
		if (isPlainNumber(value)) {
			return checked(new BigDecimal(value), text, currency);
		}
		// Grouped amounts first (most of what is left), each pattern only while needed.
		boolean grouped = (grouping != DigitGrouping.INDIAN && WESTERN.matcher(value).matches())
				|| (grouping != DigitGrouping.WESTERN && INDIAN.matcher(value).matches());
		if (!grouped && !PLAIN.matcher(value).matches()) {
			throw new IllegalArgumentException("'%s' is not an amount%s".formatted(text,
					grouping == DigitGrouping.ANY ? "" : " in " + grouping.name().toLowerCase() + " digit grouping"));
		}
		return checked(new BigDecimal(value.replace(",", "")), text, currency);
	}

	private static Money checked(BigDecimal amount, String text, Currency currency) {
		if (amount.signum() < 0) {
			throw new IllegalArgumentException("'%s' is negative".formatted(text));
		}
		if (amount.compareTo(Money.INPUT_LIMIT) > 0) {
			throw new IllegalArgumentException("'%s' is too large".formatted(text));
		}
		try {
			return new Money(amount, currency);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"'%s' has more decimal places than %s allows".formatted(text, currency.getCurrencyCode()));
		}
	}

}

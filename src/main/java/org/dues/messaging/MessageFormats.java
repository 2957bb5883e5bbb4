package org.dues.messaging;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import org.dues.shared.Money;

/**
 * Amounts and dates as the reader of a message reads them: money grouped as at the
 * currency's home ({@code ₹1,23,456.50} in lakhs, {@code $1,234.50}) in any language;
 * dates in the language's medium style.
 */
final class MessageFormats {

	private static final Map<String, String> HOME = Map.of("INR", "IN", "USD", "US", "GBP", "GB");

	private MessageFormats() {
	}

	static Locale locale(String language, String currency) {
		return new Locale(language, HOME.getOrDefault(currency, "IN"));
	}

	static String money(Money money, String language) {
		// grouped as at the currency's home whatever the language (Malayalam's own data
		// groups rupees in thousands)
		ULocale locale = ULocale.forLocale(locale("en", money.currencyCode()));
		return NumberFormatter.withLocale(locale)
			.unit(Currency.getInstance(money.currencyCode()))
			.precision(Precision.currency(Currency.CurrencyUsage.STANDARD))
			.format(money.amount())
			.toString();
	}

	static String date(LocalDate date, String language, String currency) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(locale(language, currency))
			.format(date);
	}

}

package org.dues.messaging;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.dues.messaging.letter.LetterFormats;
import org.dues.shared.Money;

/**
 * Amounts and dates as the reader of a message reads them: money grouped as at the
 * currency's home ({@code ₹1,23,456.50} in lakhs, {@code $1,234.50}) in any language;
 * dates in the language's medium style.
 */
final class MessageFormats {

	private MessageFormats() {
	}

	static Locale locale(String language, String currency) {
		return LetterFormats.locale(language, currency);
	}

	/** As a letter writes it: grouped as at the currency's home whatever the language. */
	static String money(Money money, String language) {
		return LetterFormats.money(money, language);
	}

	static String date(LocalDate date, String language, String currency) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(locale(language, currency))
			.format(date);
	}

}

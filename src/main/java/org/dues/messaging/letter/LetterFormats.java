package org.dues.messaging.letter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.dues.shared.Money;
import org.dues.system.PrintedMoney;

/**
 * Amounts and dates as a letter's reader reads them, as messages write them: money
 * grouped as at the currency's home ({@code ₹1,23,456.50} in lakhs and crores,
 * {@code $1,234.50}) in the letter's language ({@link PrintedMoney}), dates written out
 * in full ({@code December 6, 2026}, {@code 6 दिसंबर 2026}).
 */
public final class LetterFormats {

	private LetterFormats() {
	}

	/** The reader's locale: the language at the currency's home. */
	public static Locale locale(String language, String currency) {
		return PrintedMoney.locale(language, currency);
	}

	/**
	 * The amount with the currency's symbol, grouped as at the currency's home whatever
	 * the language ({@link PrintedMoney#format}).
	 */
	public static String money(Money money, String language) {
		return PrintedMoney.format(money, language);
	}

	public static String date(LocalDate date, String language, String currency) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(language, currency)).format(date);
	}

}

package org.dues.messaging.letter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.DecimalFormat;
import com.ibm.icu.text.DecimalFormatSymbols;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import org.dues.shared.Money;

/**
 * Amounts and dates as a letter's reader reads them, as messages write them: money
 * grouped as at the currency's home ({@code ₹1,23,456.50} in lakhs and crores,
 * {@code $1,234.50}) in the letter's language, dates written out in full
 * ({@code December 6, 2026}, {@code 6 दिसंबर 2026}).
 */
public final class LetterFormats {

	private static final Map<String, String> HOME = Map.of("INR", "IN", "USD", "US", "GBP", "GB");

	private LetterFormats() {
	}

	/** The reader's locale: the language at the currency's home. */
	public static Locale locale(String language, String currency) {
		return Locale.of(language, HOME.getOrDefault(currency, "IN"));
	}

	/**
	 * The amount with the currency's symbol, its digits grouped as at the currency's home
	 * whatever the language (CLDR groups Malayalam in thousands, but a rupee amount is
	 * read in lakhs in Kerala too), its separators those of the language.
	 */
	public static String money(Money money, String language) {
		String code = money.currency().getCurrencyCode();
		ULocale home = new ULocale("en_" + HOME.getOrDefault(code, "US"));
		String pattern = ((DecimalFormat) NumberFormat.getInstance(home, NumberFormat.CURRENCYSTYLE)).toPattern();
		DecimalFormat format = new DecimalFormat(pattern,
				DecimalFormatSymbols.getInstance(ULocale.forLocale(locale(language, code))));
		format.setCurrency(Currency.getInstance(code));
		int digits = money.currency().getDefaultFractionDigits();
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(money.amount());
	}

	public static String date(LocalDate date, String language, String currency) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(language, currency)).format(date);
	}

}

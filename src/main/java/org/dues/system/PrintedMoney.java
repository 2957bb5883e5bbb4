package org.dues.system;

import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.DecimalFormat;
import com.ibm.icu.text.DecimalFormatSymbols;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import org.dues.shared.Money;

/**
 * Amounts as a printed document's reader reads them (a letter, a receipt): grouped as at
 * the currency's home ({@code ₹1,23,456.50} in lakhs and crores, {@code $1,234.50}) in
 * the reader's language.
 */
public final class PrintedMoney {

	private static final Map<String, String> HOME = Map.of("INR", "IN", "USD", "US", "GBP", "GB");

	private static final Map<String, DecimalFormat> FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

	private PrintedMoney() {
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
	public static String format(Money money, String language) {
		String code = money.currency().getCurrencyCode();
		// a format is costly to build (a receipt batch prints 2,000 amounts): each
		// currency and language's is built once and cloned, as ICU's formats are not
		// thread-safe
		DecimalFormat format = (DecimalFormat) FORMATS
			.computeIfAbsent(code + "|" + language, (k) -> build(money.currency(), language))
			.clone();
		return format.format(money.amount());
	}

	private static DecimalFormat build(java.util.Currency currency, String language) {
		String code = currency.getCurrencyCode();
		ULocale home = new ULocale("en_" + HOME.getOrDefault(code, "US"));
		String pattern = ((DecimalFormat) NumberFormat.getInstance(home, NumberFormat.CURRENCYSTYLE)).toPattern();
		DecimalFormat format = new DecimalFormat(pattern,
				DecimalFormatSymbols.getInstance(ULocale.forLocale(locale(language, code))));
		format.setCurrency(Currency.getInstance(code));
		int digits = currency.getDefaultFractionDigits();
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format;
	}

}

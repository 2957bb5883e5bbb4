package org.dues.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import org.dues.shared.Money;
import org.dues.system.PrintedMoney;

import org.springframework.context.MessageSource;

/**
 * An amount written out in words, as a receipt states it beside the figures: ICU's
 * spell-out rules for the reader's language at the currency's home (English in India
 * counts in lakhs and crores), the whole units and the minor units each spelt, set in the
 * phrase of the currency ({@code receipt.words.INR}: "Rupees twelve thousand five hundred
 * and paise fifty only").
 */
final class AmountInWords {

	private static final String VERBOSE = "%spellout-cardinal-verbose";

	private final MessageSource messages;

	AmountInWords(MessageSource messages) {
		this.messages = messages;
	}

	String words(Money money, String language) {
		String code = money.currency().getCurrencyCode();
		Locale locale = PrintedMoney.locale(language, code);
		RuleBasedNumberFormat format = new RuleBasedNumberFormat(ULocale.forLocale(locale),
				RuleBasedNumberFormat.SPELLOUT);
		boolean verbose = Arrays.asList(format.getRuleSetNames()).contains(VERBOSE);
		if (verbose) {
			// "one hundred and one", as English writes it on a cheque, without the commas
			// the verbose rules put between the thousands
			format.setDefaultRuleSet(VERBOSE);
		}
		BigDecimal amount = money.amount().abs();
		BigDecimal whole = amount.setScale(0, RoundingMode.DOWN);
		int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
		long minor = amount.subtract(whole)
			.movePointRight(digits)
			.setScale(0, RoundingMode.UNNECESSARY)
			.longValueExact();
		String key = "receipt.words." + (known(code) ? code : "other") + ((minor == 0) ? "" : ".minor");
		return this.messages.getMessage(key,
				new Object[] { spell(format, whole.toBigIntegerExact(), verbose), spell(format, minor, verbose), code },
				locale);
	}

	private static String spell(RuleBasedNumberFormat format, Number number, boolean verbose) {
		String words = format.format(number);
		return verbose ? words.replace(", ", " ") : words;
	}

	private static boolean known(String code) {
		return "INR".equals(code) || "USD".equals(code) || "GBP".equals(code);
	}

}

package org.dues.payment;

import org.dues.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts in words, as a receipt states them, in each language Dues speaks. */
class AmountInWordsTests {

	private static final AmountInWords WORDS = new AmountInWords(messages());

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					en | 12500.50   | INR | Rupees twelve thousand five hundred and paise fifty only
					en | 123456     | INR | Rupees one lakh twenty-three thousand four hundred and fifty-six only
					en | 101        | INR | Rupees one hundred and one only
					en | 123456.05  | USD | Dollars one hundred and twenty-three thousand four hundred and fifty-six and cents five only
					en | 10         | GBP | Pounds ten only
					hi | 12500.50   | INR | रुपये बारह हज़ार पाँच सौ और पचास पैसे मात्र
					hi | 10000000   | INR | रुपये एक करोड़ मात्र
					ml | 12500.50   | INR | പന്ത്രണ്ടായിരത്തിയഞ്ഞൂറ് രൂപ അൻപത് പൈസ മാത്രം
					ml | 100000     | INR | ഒരു ലക്ഷം രൂപ മാത്രം
					""")
	void spellsTheWholeAndTheMinorUnits(String language, String amount, String currency, String words) {
		assertThat(WORDS.words(Money.of(amount, currency), language)).isEqualTo(words);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}

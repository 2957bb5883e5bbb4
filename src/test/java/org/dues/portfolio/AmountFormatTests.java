package org.dues.portfolio;

import java.util.Currency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AmountFormatTests {

	private static final Currency INR = Currency.getInstance("INR");

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "1234.5|1234.50", "1,234.50|1234.50", "1,23,456.50|123456.50", "₹1,23,456.50|123456.50",
					"₹ 500|500.00", "Rs. 2,600|2600.00", "INR 10,00,000|1000000.00", "0|0.00",
					"12,34,56,789.00|123456789.00" })
	void readsIndianAndWesternGrouping(String text, String expected) {
		assertThat(AmountFormat.parse(text, INR).amount()).isEqualByComparingTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-100", "12a", "1,2,3", "1,2345.00", "$100", "1.234", "", "1,23,45,6.00", "₹-5" })
	void refusesWhatIsNotAnAmountInTheCurrency(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> AmountFormat.parse(text, INR));
	}

}

package org.dues.shared;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTests {

	@Test
	void keepsAmountsAtTheCurrencyScale() {
		assertThat(Money.of("12", "INR").amount()).isEqualByComparingTo("12.00");
		assertThat(Money.of("12", "INR").amount().scale()).isEqualTo(2);
		assertThat(Money.of("1500", "JPY").amount().scale()).isZero();
		assertThat(Money.of("1.500", "USD").amount()).isEqualTo(new BigDecimal("1.50"));
	}

	@Test
	void refusesToRoundSilently() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.005", "USD"))
			.withMessageContaining("decimal places");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("10.5", "JPY"));
	}

	@Test
	void addsAndSubtractsExactly() {
		Money sum = Money.of("0.10", "USD").plus(Money.of("0.20", "USD"));
		assertThat(sum).isEqualTo(Money.of("0.30", "USD"));
		assertThat(Money.of("1.00", "USD").minus(Money.of("1.01", "USD")).isNegative()).isTrue();
		assertThat(Money.of("5", "INR").min(Money.of("3", "INR"))).isEqualTo(Money.of("3.00", "INR"));
	}

	@Test
	void neverMixesCurrencies() {
		assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "INR")))
			.isInstanceOf(CurrencyMismatchException.class)
			.hasMessageContaining("INR")
			.hasMessageContaining("USD");
		assertThat(new CurrencyMismatchException(Currency.getInstance("USD"), Currency.getInstance("INR")).expected())
			.isEqualTo(Currency.getInstance("USD"));
	}

	@Test
	void jsonFormIsADecimalStringAtScale() {
		assertThat(MoneyJson.of(Money.of("2600", "INR"))).isEqualTo(new MoneyJson("2600.00", "INR"));
	}

}

package org.dues.messaging.letter;

import java.time.LocalDate;

import org.dues.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LetterFormatsTests {

	@Test
	void rupeesInLakhsInEveryLanguage() {
		Money amount = Money.of("123456.50", "INR");
		assertThat(LetterFormats.money(amount, "en")).isEqualTo("₹1,23,456.50");
		assertThat(LetterFormats.money(amount, "hi")).isEqualTo("₹1,23,456.50");
		assertThat(LetterFormats.money(amount, "ml")).isEqualTo("₹1,23,456.50");
		assertThat(LetterFormats.money(Money.of("12345678.00", "INR"), "en")).isEqualTo("₹1,23,45,678.00");
	}

	@Test
	void dollarsInThousands() {
		assertThat(LetterFormats.money(Money.of("1234.5", "USD"), "en")).isEqualTo("$1,234.50");
		assertThat(LetterFormats.money(Money.of("0", "USD"), "en")).isEqualTo("$0.00");
	}

	@Test
	void datesWrittenOut() {
		assertThat(LetterFormats.date(LocalDate.of(2026, 12, 8), "en", "USD")).isEqualTo("December 8, 2026");
		assertThat(LetterFormats.date(LocalDate.of(2026, 12, 8), "hi", "INR")).isEqualTo("8 दिसंबर 2026");
	}

}

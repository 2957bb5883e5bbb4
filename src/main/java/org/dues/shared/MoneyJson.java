package org.dues.shared;

/**
 * Money as the HTTP API writes it: {@code {"amount": "1234.50", "currency": "INR"}}, the
 * amount a decimal string at the currency's scale.
 */
public record MoneyJson(String amount, String currency) {

	public static MoneyJson of(Money money) {
		return new MoneyJson(money.amount().toPlainString(), money.currencyCode());
	}

	public static MoneyJson ofNullable(Money money) {
		return money == null ? null : of(money);
	}

}

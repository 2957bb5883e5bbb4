package org.dues.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency, always at the currency's scale (two places for INR and
 * USD, none for JPY). Construction never rounds: an amount with more decimal places than
 * the currency allows is refused. As JSON (an event kept in the event publication
 * registry) it is its amount and currency only, so that it reads back.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({ "zero", "negative", "positive" })
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	/**
	 * The largest amount Dues accepts from outside (one trillion in any currency), well
	 * inside what the database stores, so sums of balances cannot overflow.
	 */
	public static final BigDecimal INPUT_LIMIT = new BigDecimal("1000000000000");

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		int scale = currency.getDefaultFractionDigits() < 0 ? 2 : currency.getDefaultFractionDigits();
		try {
			amount = amount.setScale(scale);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("%s has more than %d decimal places allowed for %s"
				.formatted(amount.toPlainString(), scale, currency.getCurrencyCode()));
		}
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), Currency.getInstance(currency));
	}

	public static Money of(BigDecimal amount, Currency currency) {
		return new Money(amount, currency);
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.add(other.amount), this.currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.subtract(other.amount), this.currency);
	}

	/** This amount times a whole number, exactly. */
	public Money times(int factor) {
		return new Money(this.amount.multiply(BigDecimal.valueOf(factor)), this.currency);
	}

	/**
	 * A percentage of this amount, rounded down to the currency's scale (so a limit
	 * worked out this way never exceeds the exact figure).
	 */
	public Money percent(BigDecimal percent) {
		int scale = this.currency.getDefaultFractionDigits() < 0 ? 2 : this.currency.getDefaultFractionDigits();
		return new Money(
				this.amount.multiply(percent).divide(BigDecimal.valueOf(100), scale, java.math.RoundingMode.DOWN),
				this.currency);
	}

	public Money negate() {
		return new Money(this.amount.negate(), this.currency);
	}

	public Money min(Money other) {
		return compareTo(other) <= 0 ? this : other;
	}

	public boolean isZero() {
		return this.amount.signum() == 0;
	}

	public boolean isNegative() {
		return this.amount.signum() < 0;
	}

	public boolean isPositive() {
		return this.amount.signum() > 0;
	}

	/** Whether the amount is at most {@link #INPUT_LIMIT} either way. */
	public boolean withinInputLimit() {
		return this.amount.abs().compareTo(INPUT_LIMIT) <= 0;
	}

	public String currencyCode() {
		return this.currency.getCurrencyCode();
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return this.amount.compareTo(other.amount);
	}

	private void requireSameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new CurrencyMismatchException(this.currency, other.currency);
		}
	}

	@Override
	public String toString() {
		return this.currency.getCurrencyCode() + " " + this.amount.toPlainString();
	}

}

package org.dues.shared;

import java.util.Currency;

/**
 * Thrown when two amounts in different currencies meet in one calculation.
 */
public class CurrencyMismatchException extends IllegalArgumentException {

	private final Currency expected;

	private final Currency actual;

	public CurrencyMismatchException(Currency expected, Currency actual) {
		super("currency %s does not match %s".formatted(actual.getCurrencyCode(), expected.getCurrencyCode()));
		this.expected = expected;
		this.actual = actual;
	}

	public Currency expected() {
		return this.expected;
	}

	public Currency actual() {
		return this.actual;
	}

}

package org.dues.portfolio;

import java.util.Currency;

import org.dues.shared.Money;

/**
 * An account's balance by component. {@code credit} is money the customer has paid beyond
 * what was owed; the total outstanding is what is owed less that credit.
 */
public record Balances(Money principal, Money interest, Money fees, Money credit) {

	public static Balances zero(Currency currency) {
		Money zero = Money.zero(currency);
		return new Balances(zero, zero, zero, zero);
	}

	/** Principal, interest and fees, less any credit. */
	public Money total() {
		return this.principal.plus(this.interest).plus(this.fees).minus(this.credit);
	}

	/** Principal, interest and fees: what is owed before any credit. */
	public Money owed() {
		return this.principal.plus(this.interest).plus(this.fees);
	}

	public Money get(BalanceComponent component) {
		return switch (component) {
			case FEES -> this.fees;
			case INTEREST -> this.interest;
			case PRINCIPAL -> this.principal;
		};
	}

	public Currency currency() {
		return this.principal.currency();
	}

}

package org.dues.portfolio;

import java.util.Currency;

import org.dues.shared.Money;

/**
 * The signed change one ledger entry makes: to each balance component, to the customer's
 * credit and to the overdue amount.
 */
public record Amounts(Money principal, Money interest, Money fees, Money credit, Money overdue) {

	public static Amounts zero(Currency currency) {
		Money zero = Money.zero(currency);
		return new Amounts(zero, zero, zero, zero, zero);
	}

	public static Amounts of(BalanceComponent component, Money amount) {
		Amounts zero = zero(amount.currency());
		return zero.with(component, amount);
	}

	public Money get(BalanceComponent component) {
		return switch (component) {
			case FEES -> this.fees;
			case INTEREST -> this.interest;
			case PRINCIPAL -> this.principal;
		};
	}

	public Amounts with(BalanceComponent component, Money amount) {
		return switch (component) {
			case FEES -> new Amounts(this.principal, this.interest, amount, this.credit, this.overdue);
			case INTEREST -> new Amounts(this.principal, amount, this.fees, this.credit, this.overdue);
			case PRINCIPAL -> new Amounts(amount, this.interest, this.fees, this.credit, this.overdue);
		};
	}

	public Amounts withCredit(Money amount) {
		return new Amounts(this.principal, this.interest, this.fees, amount, this.overdue);
	}

	public Amounts withOverdue(Money amount) {
		return new Amounts(this.principal, this.interest, this.fees, this.credit, amount);
	}

	public Amounts negate() {
		return new Amounts(this.principal.negate(), this.interest.negate(), this.fees.negate(), this.credit.negate(),
				this.overdue.negate());
	}

	public Amounts plus(Amounts other) {
		return new Amounts(this.principal.plus(other.principal), this.interest.plus(other.interest),
				this.fees.plus(other.fees), this.credit.plus(other.credit), this.overdue.plus(other.overdue));
	}

	/** The change to what is owed: principal, interest and fees less credit. */
	public Money total() {
		return this.principal.plus(this.interest).plus(this.fees).minus(this.credit);
	}

	public boolean isZero() {
		return this.principal.isZero() && this.interest.isZero() && this.fees.isZero() && this.credit.isZero()
				&& this.overdue.isZero();
	}

}

package org.dues.portfolio;

import java.util.EnumSet;
import java.util.List;

import org.dues.shared.Money;

/**
 * The order in which a creditor applies a payment to balance components; whatever is left
 * after every component is paid becomes the customer's credit.
 */
public record Waterfall(List<BalanceComponent> order) {

	/** Fees, then interest, then principal. */
	public static final Waterfall DEFAULT = new Waterfall(
			List.of(BalanceComponent.FEES, BalanceComponent.INTEREST, BalanceComponent.PRINCIPAL));

	public Waterfall {
		if (order == null || order.size() != BalanceComponent.values().length
				|| !EnumSet.copyOf(order).equals(EnumSet.allOf(BalanceComponent.class))) {
			throw new IllegalArgumentException("a waterfall names each of FEES, INTEREST and PRINCIPAL once");
		}
		order = List.copyOf(order);
	}

	/**
	 * The ledger change a payment makes: each component reduced in order up to its
	 * balance, the rest credited, and the overdue amount reduced by up to the payment.
	 */
	public Amounts allocate(Money payment, Balances balances, Money overdue) {
		if (!payment.isPositive()) {
			throw new IllegalArgumentException("a payment must be positive");
		}
		Amounts change = Amounts.zero(payment.currency());
		Money remaining = payment;
		for (BalanceComponent component : this.order) {
			Money applied = remaining.min(balances.get(component));
			change = change.with(component, applied.negate());
			remaining = remaining.minus(applied);
		}
		return change.withCredit(remaining).withOverdue(payment.min(overdue).negate());
	}

}

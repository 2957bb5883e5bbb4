package org.dues.payment;

import org.dues.portfolio.Amounts;
import org.dues.shared.Money;

/**
 * What a payment would do if posted now, nothing written: how the creditor's waterfall
 * splits it, and what the account would owe after.
 *
 * @param allocation the signed change to each component (reductions negative, credit
 * positive), as the ledger entry would carry it
 * @param balanceAfter what the account would owe in all (less any credit)
 * @param overdueAfter what would still be overdue
 */
public record PaymentPreview(Money amount, Amounts allocation, Money balanceAfter, Money overdueAfter) {

	/** Whether the payment leaves nothing overdue (collection messages stop). */
	public boolean clearsOverdue() {
		return !this.overdueAfter.isPositive();
	}

}

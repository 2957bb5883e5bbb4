package org.dues.messaging.letter;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.dues.portfolio.AccountView;
import org.dues.portfolio.Amounts;
import org.dues.portfolio.LedgerEntryView;
import org.dues.shared.Money;

/**
 * The itemization of a validation notice (12 CFR 1006.34(c)(2)(vi)–(viii)): what the
 * consumer owed on the itemization date, the interest, fees, and payments and credits
 * since, and what is owed now, which the four add up to.
 * <p>
 * The itemization date (§ 1006.34(b)(3) lets the collector pick one of five reference
 * dates): the account's <em>charge-off date</em> when the creditor placed it with one;
 * otherwise the <em>placement date</em> (the day we took the account, on which the
 * creditor's figures are a statement of what was owed). The creditor's placement file
 * carries no last-statement date, so that reference date is not used.
 * <ul>
 * <li>From the charge-off date: the placed principal is what was owed then; the interest
 * and fees the creditor placed had accrued since the charge-off and are itemized as
 * such.</li>
 * <li>From the placement date: the whole placed balance is what was owed then.</li>
 * </ul>
 * Then, from the account's ledger after placement: interest and fee charges (and
 * adjustments raising them) count as interest and fees; payments, waivers, settlement
 * discounts and adjustments lowering a balance count as payments and credits, and a
 * reversed payment takes its amount back off them.
 *
 * @param basis which reference date the itemization date is
 */
public record Itemization(LocalDate date, Basis basis, Money owedThen, Money interest, Money fees,
		Money paymentsAndCredits, Money owedNow) {

	/** Which of § 1006.34(b)(3)'s reference dates the itemization date is. */
	public enum Basis {

		CHARGE_OFF, PLACEMENT

	}

	/**
	 * The itemization of the account as it stands.
	 * @param placedOn the day of placement in the creditor's time zone
	 * @param ledger the account's ledger entries, oldest first
	 */
	public static Itemization of(AccountView account, LocalDate placedOn, List<LedgerEntryView> ledger) {
		Currency currency = account.currency();
		Money zero = Money.zero(currency);
		LocalDate chargeOff = account.chargeOffDate();
		boolean fromChargeOff = chargeOff != null && !chargeOff.isAfter(placedOn);
		Money interest = zero;
		Money fees = zero;
		Money credits = zero;
		for (LedgerEntryView entry : ledger) {
			Amounts amounts = entry.amounts();
			switch (entry.type()) {
				case PLACEMENT -> {
					if (fromChargeOff) {
						interest = interest.plus(positive(amounts.interest()));
						fees = fees.plus(positive(amounts.fees()));
					}
				}
				case PAYMENT, REVERSAL, WAIVER, SETTLEMENT_DISCOUNT -> credits = credits.minus(change(amounts));
				case INTEREST, FEE, ADJUSTMENT -> {
					interest = interest.plus(positive(amounts.interest()));
					fees = fees.plus(positive(amounts.fees()));
					Money lowered = negative(amounts.principal()).plus(negative(amounts.interest()))
						.plus(negative(amounts.fees()))
						.plus(positive(amounts.credit()));
					credits = credits.plus(lowered);
				}
			}
		}
		Money now = account.balances().total();
		Money then = now.minus(interest).minus(fees).plus(credits);
		return new Itemization(fromChargeOff ? chargeOff : placedOn, fromChargeOff ? Basis.CHARGE_OFF : Basis.PLACEMENT,
				then, interest, fees, credits, now);
	}

	/** What the entry did to the total owed: principal, interest and fees less credit. */
	private static Money change(Amounts amounts) {
		return amounts.principal().plus(amounts.interest()).plus(amounts.fees()).minus(amounts.credit());
	}

	private static Money positive(Money money) {
		return money.isPositive() ? money : Money.zero(money.currency());
	}

	/** The size of a decrease, or zero. */
	private static Money negative(Money money) {
		return money.isNegative() ? money.negate() : Money.zero(money.currency());
	}

}

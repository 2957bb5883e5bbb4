package org.dues.arrangement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;

/**
 * A short income-and-expenditure assessment: monthly income less essential spending,
 * other spending and payments to other debts gives the disposable income; from it, up to
 * three offers within the asker's authority: a settlement now at the largest discount
 * they may give, the shortest plan the customer can afford, and the longest plan they may
 * agree (or, when even that is beyond the customer, a settlement in instalments of what
 * they can afford, if the discount is within authority).
 */
public final class Affordability {

	private Affordability() {
	}

	/** Monthly figures the customer gives. */
	public record Statement(Money income, Money essentialSpending, Money otherSpending, Money otherDebts) {

		public Money disposable() {
			return this.income.minus(this.essentialSpending).minus(this.otherSpending).minus(this.otherDebts);
		}

	}

	/**
	 * An offer to put to the customer.
	 *
	 * @param kind {@code SETTLEMENT} or {@code PLAN}
	 * @param instalments how many monthly instalments (1 for a lump sum)
	 * @param instalment the (first and usual) instalment
	 * @param total what the customer pays in all
	 * @param discount what would be written off
	 */
	public record Offer(String name, ArrangementKind kind, int instalments, Money instalment, Money total,
			Money discount, LocalDate firstDueOn) {
	}

	/** The assessment: disposable income and the offers that fit it and the authority. */
	public record Assessment(Money disposable, List<Offer> offers) {
	}

	public static Assessment assess(Statement statement, Money owed, Authority authority, LocalDate firstDueOn) {
		for (Money m : List.of(statement.income(), statement.essentialSpending(), statement.otherSpending(),
				statement.otherDebts())) {
			if (m.isNegative()) {
				throw new InvalidInputException("statement", "figures must not be negative");
			}
		}
		Money disposable = statement.disposable();
		List<Offer> offers = new ArrayList<>();
		Money zero = Money.zero(owed.currency());
		if (!owed.isPositive()) {
			return new Assessment(disposable, offers);
		}
		if (authority.maxDiscountPct().signum() > 0) {
			Money settle = owed.minus(owed.percent(authority.maxDiscountPct()));
			offers.add(new Offer("settle-now", ArrangementKind.SETTLEMENT, 1, settle, settle, owed.minus(settle),
					firstDueOn));
		}
		if (!disposable.isPositive()) {
			return new Assessment(disposable, offers);
		}
		int longest = Math.min(120, Math.max(1, authority.longestPlanMonths() + 1));
		BigDecimal months = owed.amount().divide(disposable.amount(), 0, RoundingMode.CEILING);
		int shortest = (months.compareTo(BigDecimal.valueOf(longest)) <= 0) ? months.intValueExact() : longest + 1;
		if (shortest <= longest) {
			Schedule plan = Schedule.equal(owed, Math.max(1, shortest), firstDueOn, Frequency.MONTHLY);
			offers.add(offer("short-plan", ArrangementKind.PLAN, plan, zero));
			if (longest > shortest) {
				Schedule longPlan = Schedule.equal(owed, longest, firstDueOn, Frequency.MONTHLY);
				if (longPlan.instalments().get(0).amount().compareTo(authority.smallestInstalment()) >= 0) {
					offers.add(offer("long-plan", ArrangementKind.PLAN, longPlan, zero));
				}
			}
		}
		else {
			Money affordable = disposable.times(longest);
			BigDecimal discountPct = owed.minus(affordable)
				.amount()
				.multiply(BigDecimal.valueOf(100))
				.divide(owed.amount(), 2, RoundingMode.UP);
			if (discountPct.compareTo(authority.maxDiscountPct()) <= 0) {
				Schedule settlement = Schedule.equal(affordable, longest, firstDueOn, Frequency.MONTHLY);
				offers.add(
						offer("settle-in-instalments", ArrangementKind.SETTLEMENT, settlement, owed.minus(affordable)));
			}
		}
		return new Assessment(disposable, offers.subList(0, Math.min(3, offers.size())));
	}

	private static Offer offer(String name, ArrangementKind kind, Schedule schedule, Money discount) {
		return new Offer(name, kind, schedule.instalments().size(), schedule.instalments().get(0).amount(),
				schedule.total(), discount, schedule.first());
	}

}

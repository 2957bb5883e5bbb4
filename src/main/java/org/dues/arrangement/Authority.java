package org.dues.arrangement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What one role may agree for a creditor without approval.
 *
 * @param maxDiscountPct the largest settlement discount, in percent of the balance
 * @param maxWaiver the largest waiver of fees or interest; null for no limit
 * @param longestPlanMonths the longest plan, first to last instalment, in months
 * @param smallestInstalment the smallest instalment
 * @param minFirstPaymentPct the smallest first instalment, in percent of the total
 * @param maxDefermentDays the longest payment holiday
 */
public record Authority(BigDecimal maxDiscountPct, @Nullable Money maxWaiver, int longestPlanMonths,
		Money smallestInstalment, BigDecimal minFirstPaymentPct, int maxDefermentDays) {

	/**
	 * Everything in a proposed arrangement that goes beyond this authority; empty when
	 * within it.
	 */
	List<String> exceeded(Proposal proposal) {
		List<String> beyond = new ArrayList<>();
		if (proposal.discountPct() != null && proposal.discountPct().compareTo(this.maxDiscountPct) > 0) {
			beyond.add("a discount of %s%% (authority %s%%)".formatted(proposal.discountPct().toPlainString(),
					this.maxDiscountPct.stripTrailingZeros().toPlainString()));
		}
		if (proposal.waiver() != null && this.maxWaiver != null && proposal.waiver().compareTo(this.maxWaiver) > 0) {
			beyond.add("a waiver of %s (authority %s)".formatted(proposal.waiver().amount().toPlainString(),
					this.maxWaiver.amount().toPlainString()));
		}
		if (proposal.schedule() != null) {
			Schedule schedule = proposal.schedule();
			long months = java.time.temporal.ChronoUnit.MONTHS.between(schedule.first(), schedule.last());
			if (schedule.first().plusMonths(months).isBefore(schedule.last())) {
				months++; // a part month counts as a month
			}
			if (months > this.longestPlanMonths) {
				beyond.add("a plan of %d months (authority %d)".formatted(months, this.longestPlanMonths));
			}
			Money smallest = schedule.instalments()
				.stream()
				.map(Schedule.Instalment::amount)
				.min(Money::compareTo)
				.orElseThrow();
			if (smallest.compareTo(this.smallestInstalment) < 0) {
				beyond.add("an instalment of %s (smallest allowed %s)".formatted(smallest.amount().toPlainString(),
						this.smallestInstalment.amount().toPlainString()));
			}
			Money first = schedule.instalments().get(0).amount();
			Money minFirst = schedule.total().percent(this.minFirstPaymentPct);
			if (first.compareTo(minFirst) < 0) {
				beyond.add("a first payment of %s (at least %s%% = %s)".formatted(first.amount().toPlainString(),
						this.minFirstPaymentPct.stripTrailingZeros().toPlainString(),
						minFirst.amount().toPlainString()));
			}
		}
		if (proposal.defermentDays() != null && proposal.defermentDays() > this.maxDefermentDays) {
			beyond.add(
					"a deferment of %d days (authority %d)".formatted(proposal.defermentDays(), this.maxDefermentDays));
		}
		return beyond;
	}

	/** The figures of a proposed arrangement that authority is checked on. */
	record Proposal(@Nullable BigDecimal discountPct, @Nullable Money waiver, @Nullable Schedule schedule,
			@Nullable Integer defermentDays) {
	}

}

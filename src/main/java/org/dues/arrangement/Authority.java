package org.dues.arrangement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.dues.shared.Money;
import org.dues.shared.Phrase;
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
	List<Exceeded> exceeded(Proposal proposal) {
		List<Exceeded> beyond = new ArrayList<>();
		if (proposal.discountPct() != null && proposal.discountPct().compareTo(this.maxDiscountPct) > 0) {
			beyond.add(new Exceeded(
					"a discount of %s%% (authority %s%%)".formatted(proposal.discountPct().toPlainString(),
							this.maxDiscountPct.stripTrailingZeros().toPlainString()),
					Phrase.of("rule.authority.discount", proposal.discountPct(), this.maxDiscountPct)));
		}
		if (proposal.waiver() != null && this.maxWaiver != null && proposal.waiver().compareTo(this.maxWaiver) > 0) {
			beyond.add(new Exceeded(
					"a waiver of %s (authority %s)".formatted(proposal.waiver().amount().toPlainString(),
							this.maxWaiver.amount().toPlainString()),
					Phrase.of("rule.authority.waiver", proposal.waiver(), this.maxWaiver)));
		}
		if (proposal.schedule() != null) {
			Schedule schedule = proposal.schedule();
			int months = spanInMonths(schedule);
			if (months > this.longestPlanMonths) {
				// the instalments counted, and the months from the first to the last: 48
				// monthly instalments span 47 months, which alone read as a shorter plan
				int count = schedule.instalments().size();
				beyond.add(new Exceeded(
						"a plan of %d instalment%s over %d month%s, first to last (authority %d month%s)".formatted(
								count, plural(count), months, plural(months), this.longestPlanMonths,
								plural(this.longestPlanMonths)),
						Phrase.of("rule.authority.plan", count, months, this.longestPlanMonths)));
			}
			Money smallest = schedule.instalments()
				.stream()
				.map(Schedule.Instalment::amount)
				.min(Money::compareTo)
				.orElseThrow();
			if (smallest.compareTo(this.smallestInstalment) < 0) {
				beyond.add(new Exceeded(
						"an instalment of %s (smallest allowed %s)".formatted(smallest.amount().toPlainString(),
								this.smallestInstalment.amount().toPlainString()),
						Phrase.of("rule.authority.instalment", smallest, this.smallestInstalment)));
			}
			Money first = schedule.instalments().get(0).amount();
			Money minFirst = schedule.total().percent(this.minFirstPaymentPct);
			if (first.compareTo(minFirst) < 0) {
				beyond.add(new Exceeded(
						"a first payment of %s (at least %s%% = %s)".formatted(first.amount().toPlainString(),
								this.minFirstPaymentPct.stripTrailingZeros().toPlainString(),
								minFirst.amount().toPlainString()),
						Phrase.of("rule.authority.firstPayment", first, this.minFirstPaymentPct, minFirst)));
			}
		}
		if (proposal.defermentDays() != null && proposal.defermentDays() > this.maxDefermentDays) {
			beyond.add(new Exceeded(
					"a deferment of %d days (authority %d)".formatted(proposal.defermentDays(), this.maxDefermentDays),
					Phrase.of("rule.authority.deferment", proposal.defermentDays(), this.maxDefermentDays)));
		}
		return beyond;
	}

	/**
	 * The months from a schedule's first instalment to its last, a part month counting as
	 * a month: what {@link #longestPlanMonths} limits.
	 */
	static int spanInMonths(Schedule schedule) {
		long months = java.time.temporal.ChronoUnit.MONTHS.between(schedule.first(), schedule.last());
		if (schedule.first().plusMonths(months).isBefore(schedule.last())) {
			months++;
		}
		return Math.toIntExact(months);
	}

	private static String plural(int count) {
		return (count == 1) ? "" : "s";
	}

	/**
	 * One thing beyond an authority: in the English the API and the history keep, and as
	 * pages say it.
	 */
	record Exceeded(String text, Phrase phrase) {

		static String texts(List<Exceeded> all) {
			return String.join("; ", all.stream().map(Exceeded::text).toList());
		}

		static Phrase phrases(List<Exceeded> all) {
			return Phrase.all(all.stream().map(Exceeded::phrase).toList());
		}

	}

	/** The figures of a proposed arrangement that authority is checked on. */
	record Proposal(@Nullable BigDecimal discountPct, @Nullable Money waiver, @Nullable Schedule schedule,
			@Nullable Integer defermentDays) {
	}

}

package org.dues.arrangement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.Phrase;

/**
 * The instalments of a plan or settlement: exact amounts at the currency's scale that add
 * up to the total, the remainder on the last (10,000.00 in 3 is 3,333.33, 3,333.33,
 * 3,333.34).
 */
public record Schedule(List<Instalment> instalments) {

	public Schedule {
		instalments = List.copyOf(instalments);
	}

	/** One instalment. */
	public record Instalment(LocalDate dueOn, Money amount) {
	}

	/** Equal instalments of the total. */
	public static Schedule equal(Money total, int count, LocalDate first, Frequency frequency) {
		requireCount(count);
		Money each = floorShare(total, count);
		if (!each.isPositive()) {
			throw new InvalidInputException("instalments", "%d instalments of %s would be below the smallest amount"
				.formatted(count, total.amount().toPlainString()), Phrase.of("validation.plan.tooSmall", count, total));
		}
		List<Instalment> out = new ArrayList<>();
		Money left = total;
		for (int i = 0; i < count; i++) {
			Money amount = (i == count - 1) ? left : each;
			out.add(new Instalment(frequency.due(first, i), amount));
			left = left.minus(amount);
		}
		return new Schedule(out);
	}

	/**
	 * A step-up plan: the first half of the instalments (rounded down) at a lower amount,
	 * the rest equal shares of what remains, the remainder on the last.
	 */
	public static Schedule stepUp(Money total, int count, Money initial, LocalDate first, Frequency frequency) {
		requireCount(count);
		if (count < 2) {
			throw new InvalidInputException("instalments", "a step-up plan needs at least two instalments",
					Phrase.of("validation.plan.stepUpCount"));
		}
		int low = count / 2;
		Money lowTotal = initial.times(low);
		if (!initial.isPositive() || lowTotal.compareTo(total) >= 0) {
			throw new InvalidInputException("initialAmount",
					"must be above zero and leave something for the later instalments (%d × %s ≥ %s)".formatted(low,
							initial.amount().toPlainString(), total.amount().toPlainString()),
					Phrase.of("validation.plan.stepUpStart", low, initial, total));
		}
		Schedule rest = equal(total.minus(lowTotal), count - low, frequency.due(first, low), frequency);
		if (rest.instalments().get(0).amount().compareTo(initial) < 0) {
			throw new InvalidInputException("initialAmount",
					"must be below the later instalments ("
							+ rest.instalments().get(0).amount().amount().toPlainString() + ") for a step-up",
					Phrase.of("validation.plan.stepUpBelow", rest.instalments().get(0).amount()));
		}
		List<Instalment> out = new ArrayList<>();
		for (int i = 0; i < low; i++) {
			out.add(new Instalment(frequency.due(first, i), initial));
		}
		out.addAll(rest.instalments());
		return new Schedule(out);
	}

	/**
	 * An explicit schedule; it must add up to the total exactly, with due dates strictly
	 * increasing and no instalment of zero.
	 */
	public static Schedule custom(List<Instalment> instalments, Money total) {
		requireCount(instalments.size());
		Money sum = Money.zero(total.currency());
		LocalDate previous = null;
		for (int i = 0; i < instalments.size(); i++) {
			Instalment instalment = instalments.get(i);
			if (!instalment.amount().isPositive()) {
				throw new InvalidInputException("schedule[%d].amount".formatted(i), "must be greater than zero");
			}
			if (previous != null && !instalment.dueOn().isAfter(previous)) {
				throw new InvalidInputException("schedule[%d].dueOn".formatted(i), "must come after the one before");
			}
			previous = instalment.dueOn();
			sum = sum.plus(instalment.amount());
		}
		if (sum.compareTo(total) != 0) {
			throw new InvalidInputException("schedule", "adds up to %s, not the %s agreed"
				.formatted(sum.amount().toPlainString(), total.amount().toPlainString()));
		}
		return new Schedule(instalments);
	}

	public Money total() {
		Money sum = Money.zero(this.instalments.get(0).amount().currency());
		for (Instalment instalment : this.instalments) {
			sum = sum.plus(instalment.amount());
		}
		return sum;
	}

	public LocalDate first() {
		return this.instalments.get(0).dueOn();
	}

	public LocalDate last() {
		return this.instalments.get(this.instalments.size() - 1).dueOn();
	}

	private static Money floorShare(Money total, int count) {
		int scale = total.currency().getDefaultFractionDigits();
		BigDecimal share = total.amount().divide(BigDecimal.valueOf(count), Math.max(scale, 0), RoundingMode.DOWN);
		return new Money(share, total.currency());
	}

	private static void requireCount(int count) {
		if (count < 1 || count > 120) {
			throw new InvalidInputException("instalments", "must be between 1 and 120",
					Phrase.of("validation.plan.count", 120));
		}
	}

}

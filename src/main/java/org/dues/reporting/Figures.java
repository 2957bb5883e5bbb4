package org.dues.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dues.shared.Money;

/**
 * An agent's figures over a day or a period, as a scorecard counts them.
 *
 * @param attempts outbound contacts made (not blocked by the gate)
 * @param rightPartyContacts conversations with the customer
 * @param promises promises, plans and settlements taken at the desk
 * @param promised their amounts, by currency
 * @param kept promises, plans and settlements they took that were kept
 * @param keptAmount the agreed amounts of those kept, by currency
 * @param collected payments credited to them (see {@link CreditedAs}) less reversals, by
 * currency
 */
public record Figures(long attempts, long rightPartyContacts, long promises, List<Money> promised, long kept,
		List<Money> keptAmount, List<Money> collected) {

	/** Nothing done. */
	public static final Figures NONE = new Figures(0, 0, 0, List.of(), 0, List.of(), List.of());

	public Figures {
		promised = List.copyOf(promised);
		keptAmount = List.copyOf(keptAmount);
		collected = List.copyOf(collected);
	}

	/** These figures and the other's together; amounts added currency by currency. */
	public Figures plus(Figures other) {
		return new Figures(this.attempts + other.attempts, this.rightPartyContacts + other.rightPartyContacts,
				this.promises + other.promises, add(this.promised, other.promised), this.kept + other.kept,
				add(this.keptAmount, other.keptAmount), add(this.collected, other.collected));
	}

	/** The figures added up. */
	public static Figures sumOf(List<Figures> all) {
		Figures sum = NONE;
		for (Figures figures : all) {
			sum = sum.plus(figures);
		}
		return sum;
	}

	/** Whether nothing was done. */
	public boolean none() {
		return this.equals(NONE);
	}

	private static List<Money> add(List<Money> one, List<Money> other) {
		if (other.isEmpty()) {
			return one;
		}
		Map<String, Money> byCurrency = new TreeMap<>();
		for (Money money : one) {
			byCurrency.merge(money.currencyCode(), money, Money::plus);
		}
		for (Money money : other) {
			byCurrency.merge(money.currencyCode(), money, Money::plus);
		}
		List<Money> sum = new ArrayList<>(byCurrency.values());
		sum.sort(Comparator.comparing(Money::currencyCode));
		return sum;
	}

}

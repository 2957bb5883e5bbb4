package org.dues.reporting;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A month's target of an agent, a team or a creditor as it stands now.
 *
 * @param id the agent's username, the team's id or the creditor's code
 * @param name the agent's or team's name, or the creditor's
 * @param values the measures set
 * @param setBy who set the latest of its values
 * @param setAt when
 */
public record Target(YearMonth period, TargetScope scope, String id, String name, TargetValues values, String setBy,
		Instant setAt) {

	/** The amount to collect in the currency, if one is set. */
	public @Nullable Money collected(String currency) {
		return this.values.collected()
			.stream()
			.filter((m) -> m.currencyCode().equals(currency))
			.findFirst()
			.orElse(null);
	}

	/** The amounts to collect, by currency. */
	public List<Money> collected() {
		return this.values.collected();
	}

	/**
	 * One value a target had, and who set it when; {@code replacedAt} is null for the
	 * value in force.
	 */
	public record Change(TargetMeasure measure, @Nullable String currency, java.math.BigDecimal value, String setBy,
			Instant setAt, String source, @Nullable String replacedBy, @Nullable Instant replacedAt) {
	}

}

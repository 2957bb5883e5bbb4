package org.dues.arrangement;

import java.time.LocalDate;
import java.util.List;

import org.dues.portfolio.BalanceComponent;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/** What an agent asks for; validated by {@link ArrangementManagement}. */
public final class NewArrangement {

	private NewArrangement() {
	}

	/**
	 * A promise to pay {@code amount} by {@code dueOn}, or a series of dated amounts.
	 *
	 * @param series the dated amounts of a series (then {@code amount} and {@code dueOn}
	 * are ignored)
	 */
	public record Promise(@Nullable Money amount, @Nullable LocalDate dueOn, @Nullable String channel,
			@Nullable List<Schedule.Instalment> series) {
	}

	/**
	 * A plan: equal instalments from a first date at a frequency, a step-up from an
	 * initial amount, or an explicit schedule; over the balance, or over a settlement
	 * amount when {@code amount} is below it.
	 */
	public record Plan(@Nullable Integer instalments, @Nullable Frequency frequency, @Nullable LocalDate firstDueOn,
			@Nullable Money amount, @Nullable Money initialAmount, @Nullable List<Schedule.Instalment> schedule,
			@Nullable LocalDate offerExpiresOn, @Nullable String reason) {
	}

	/**
	 * A settlement: an amount below the balance, lump sum or in instalments; the reason
	 * (the customer's circumstances) is what an approver reads.
	 */
	public record Settlement(@Nullable Money amount, @Nullable Integer instalments, @Nullable Frequency frequency,
			@Nullable LocalDate firstDueOn, @Nullable LocalDate offerExpiresOn, @Nullable String reason) {
	}

	/** Fees or interest waived. */
	public record Waiver(@Nullable BalanceComponent component, @Nullable Money amount, @Nullable String reason) {
	}

	/** The oldest due date deferred by some days. */
	public record Deferment(@Nullable Integer days, @Nullable String reason) {
	}

}

package org.dues.arrangement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dues.portfolio.AccountId;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An arrangement as read: what was agreed, by whom, where it stands, what has been paid
 * towards it, its instalments, and its approval if it needed one.
 *
 * @param amount the total promised, planned or agreed; the amount waived; zero for a
 * deferment
 * @param balanceAtStart the account's balance when it was made
 * @param paid what has been paid towards it since it was made
 * @param partial for a broken promise: some, not all, was paid
 */
public record ArrangementView(ArrangementId id, AccountId accountId, ArrangementKind kind, ArrangementStatus status,
		Money amount, Money balanceAtStart, Money paid, @Nullable Frequency frequency, @Nullable String channel,
		@Nullable String component, @Nullable Integer defermentDays, @Nullable LocalDate offerExpiresOn,
		@Nullable String reason, Instant createdAt, String createdBy, @Nullable Instant closedAt,
		@Nullable String closedBy, @Nullable String closeReason, boolean partial, List<InstalmentView> instalments,
		@Nullable ApprovalView approval) {

	public ArrangementView {
		instalments = List.copyOf(instalments);
	}

	/** The discount a settlement gives, in money. */
	public Money discount() {
		return (this.kind == ArrangementKind.SETTLEMENT) ? this.balanceAtStart.minus(this.amount)
				: Money.zero(this.amount.currency());
	}

	/** An instalment (a promise has one, or one per date of a series). */
	public record InstalmentView(int seq, LocalDate dueOn, Money amount, Money paid, InstalmentStatus status) {
	}

}

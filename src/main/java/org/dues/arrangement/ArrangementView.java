package org.dues.arrangement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dues.portfolio.AccountId;
import org.dues.shared.Money;
import org.dues.shared.Phrase;
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
 * @param closeReason why it closed, in the English the API and the history keep
 * @param closeSaid the same as pages say it, where the system closed it (kept, broken,
 * completed); null for a reason a person gave, and for arrangements closed before it was
 * kept
 */
public record ArrangementView(ArrangementId id, AccountId accountId, ArrangementKind kind, ArrangementStatus status,
		Money amount, Money balanceAtStart, Money paid, @Nullable Frequency frequency, @Nullable String channel,
		@Nullable String component, @Nullable Integer defermentDays, @Nullable LocalDate offerExpiresOn,
		@Nullable String reason, Instant createdAt, String createdBy, @Nullable Instant closedAt,
		@Nullable String closedBy, @Nullable String closeReason, boolean partial, List<InstalmentView> instalments,
		@Nullable ApprovalView approval, @Nullable Phrase closeSaid) {

	public ArrangementView {
		instalments = List.copyOf(instalments);
	}

	public ArrangementView(ArrangementId id, AccountId accountId, ArrangementKind kind, ArrangementStatus status,
			Money amount, Money balanceAtStart, Money paid, @Nullable Frequency frequency, @Nullable String channel,
			@Nullable String component, @Nullable Integer defermentDays, @Nullable LocalDate offerExpiresOn,
			@Nullable String reason, Instant createdAt, String createdBy, @Nullable Instant closedAt,
			@Nullable String closedBy, @Nullable String closeReason, boolean partial, List<InstalmentView> instalments,
			@Nullable ApprovalView approval) {
		this(id, accountId, kind, status, amount, balanceAtStart, paid, frequency, channel, component, defermentDays,
				offerExpiresOn, reason, createdAt, createdBy, closedAt, closedBy, closeReason, partial, instalments,
				approval, null);
	}

	/**
	 * The instalments once the arrangement is rejected or cancelled: those not paid (nor
	 * already missed) are no longer due.
	 */
	List<InstalmentView> instalmentsCancelled() {
		return this.instalments.stream()
			.map((i) -> (i.status() == InstalmentStatus.PENDING || i.status() == InstalmentStatus.PARTIAL)
					? new InstalmentView(i.seq(), i.dueOn(), i.amount(), i.paid(), InstalmentStatus.CANCELLED) : i)
			.toList();
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

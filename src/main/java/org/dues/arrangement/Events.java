package org.dues.arrangement;

import java.time.LocalDate;

import org.dues.portfolio.AccountId;
import org.dues.shared.Money;

/**
 * What happens to arrangements, for queues and strategy: each event is published once,
 * when the arrangement moves.
 */
public final class Events {

	private Events() {
	}

	/** A promise was paid in full (within the creditor's tolerance). */
	public record PromiseKept(ArrangementId arrangement, AccountId account, Money amount) {
	}

	/**
	 * A promise's date and grace passed without it being paid in full.
	 *
	 * @param paid what was paid towards it (a partly kept promise when positive)
	 */
	public record PromiseBroken(ArrangementId arrangement, AccountId account, Money amount, Money paid,
			LocalDate dueOn) {
	}

	/** An instalment of a plan or settlement passed its date and grace unpaid. */
	public record InstalmentMissed(ArrangementId arrangement, AccountId account, int seq, LocalDate dueOn, Money amount,
			Money paid) {
	}

	/**
	 * A plan or settlement in instalments missed as many instalments as the creditor
	 * allows.
	 */
	public record PlanBroken(ArrangementId arrangement, AccountId account, ArrangementKind kind) {
	}

	/** Every instalment of a plan was paid. */
	public record PlanCompleted(ArrangementId arrangement, AccountId account) {
	}

	/**
	 * A settlement's agreed amount was paid; the rest was written off and the account is
	 * settled.
	 */
	public record SettlementCompleted(ArrangementId arrangement, AccountId account, Money paid, Money writtenOff) {
	}

	/** A lead or manager approved an arrangement beyond its asker's authority. */
	public record ArrangementApproved(ArrangementId arrangement, AccountId account, ArrangementKind kind,
			String approvedBy) {
	}

}

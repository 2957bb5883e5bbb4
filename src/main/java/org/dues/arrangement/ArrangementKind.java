package org.dues.arrangement;

/** What an arrangement is. */
public enum ArrangementKind {

	/** A promise to pay an amount by a date (one, or a series). */
	PROMISE,
	/** A payment plan over the balance. */
	PLAN,
	/**
	 * An agreed amount below the balance, lump sum or in instalments; the rest is written
	 * off.
	 */
	SETTLEMENT,
	/** Fees or interest waived. */
	WAIVER,
	/** The oldest due date deferred by some days (a payment holiday). */
	DEFERMENT

}

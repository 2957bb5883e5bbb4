package org.dues.work;

/**
 * What came of a call, and what each sets in motion.
 */
public enum Outcome {

	/** A promise to pay: amount and date; goes through the arrangements module. */
	PROMISE_TO_PAY(true),
	/** A payment plan: instalments, frequency, first due date. */
	PLAN_AGREED(true),
	/** A settlement: the agreed amount, optionally in instalments. */
	SETTLEMENT_AGREED(true), REFUSED(true),
	/** The customer disputes the debt: a dispute hold until verification is sent. */
	DISPUTE(true),
	/** Call back at a time in the customer's own time zone. */
	CALLBACK(false),
	/** The customer says it is paid: noted for the payment to be traced. */
	ALREADY_PAID(true),
	/** Hardship: noted, for a plan or a referral. */
	HARDSHIP(true),
	/** The customer has died (anyone may tell us): every debt of the customer is held. */
	DECEASED(false),
	/** The customer is in bankruptcy: every debt of the customer is held. */
	BANKRUPT(true),
	/** No common language: noted, for an agent who speaks theirs. */
	LANGUAGE_BARRIER(false),
	/** The customer asks us to stop contacting them about the debt: a cease hold. */
	CEASE_REQUESTED(true),
	/** The customer is represented by an attorney: an attorney hold. */
	ATTORNEY(true);

	/** Whether only the customer themself can give this outcome. */
	final boolean needsRightParty;

	Outcome(boolean needsRightParty) {
		this.needsRightParty = needsRightParty;
	}

	/** Whether only the customer themself can give this outcome. */
	public boolean needsRightParty() {
		return this.needsRightParty;
	}

}

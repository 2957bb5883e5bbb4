package org.dues.messaging;

import org.dues.compliance.Purpose;

/**
 * Why a message goes: a collection message (a reminder, a link, an offer) or a notice
 * that goes even when collection has stopped (a receipt, the validation notice, a
 * dispute's acknowledgement).
 */
public enum MessagePurpose {

	/** A reminder before a promise's or instalment's due date. */
	REMINDER(true, true),
	/** An instalment was missed. */
	MISSED_INSTALMENT(true, true),
	/** A promise to pay was broken. */
	BROKEN_PROMISE(true, true),
	/** A link to pay. */
	PAYMENT_LINK(true, true),
	/** A settlement offer. */
	SETTLEMENT_OFFER(true, true),
	/** The receipt of a payment. */
	PAYMENT_RECEIPT(false, true),
	/** The validation notice of 12 CFR 1006.34. */
	VALIDATION_NOTICE(false, true),
	/** A demand notice. */
	DEMAND_NOTICE(true, true),
	/** The acknowledgement of a dispute. */
	DISPUTE_ACKNOWLEDGEMENT(false, true),
	/** The verification of a disputed debt (FDCPA § 809(b)). */
	DISPUTE_VERIFICATION(false, true),
	/** The outcome of a dispute and its reasons. */
	DISPUTE_RESOLUTION(false, true),
	/** The acknowledgement of a complaint. */
	COMPLAINT_ACKNOWLEDGEMENT(false, true),
	/** The final response to a complaint, with the ombudsman the customer may turn to. */
	COMPLAINT_RESPONSE(false, true),
	/**
	 * An agent's free-text answer to the customer's WhatsApp message, within WhatsApp's
	 * 24 hours of it: no template; not held for a later window (the 24 hours may be over
	 * by then), so one the gate refuses now is blocked.
	 */
	REPLY(true, false);

	private final boolean collection;

	private final boolean waits;

	MessagePurpose(boolean collection, boolean waits) {
		this.collection = collection;
		this.waits = waits;
	}

	/**
	 * Whether the message collects the debt, so a hold, a cease request, a payment that
	 * clears the overdue or an opt-out stops it; a notice the law requires still goes.
	 */
	public boolean collection() {
		return this.collection;
	}

	/** Whether a message the gate holds back waits for the next lawful window. */
	public boolean waits() {
		return this.waits;
	}

	/** The purpose the compliance gate weighs. */
	public Purpose gatePurpose() {
		return this.collection ? Purpose.COLLECTION : Purpose.REQUIRED_NOTICE;
	}

}

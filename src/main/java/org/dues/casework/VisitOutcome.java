package org.dues.casework;

import org.dues.compliance.ContactResult;

/**
 * How a field visit ended, and what it counts as in the contact log: meeting the customer
 * (whatever they said) is a right-party contact; finding nobody is no answer; an address
 * that is not theirs is a wrong address.
 */
public enum VisitOutcome {

	/** The agent met the customer. */
	MET(ContactResult.CONVERSATION),
	/** Nobody was at home. */
	NOT_MET(ContactResult.NO_ANSWER),
	/** The customer does not live at the address. */
	ADDRESS_WRONG(ContactResult.WRONG_NUMBER),
	/**
	 * The customer promised to pay an amount by a date (a promise of the arrangements).
	 */
	PROMISE(ContactResult.CONVERSATION),
	/** The agent collected cash or a cheque against a receipt from their book. */
	PAYMENT_COLLECTED(ContactResult.CONVERSATION),
	/** The customer refused to pay. */
	REFUSED(ContactResult.CONVERSATION);

	private final ContactResult result;

	VisitOutcome(ContactResult result) {
		this.result = result;
	}

	/** The interaction's result in the contact log. */
	public ContactResult result() {
		return this.result;
	}

}

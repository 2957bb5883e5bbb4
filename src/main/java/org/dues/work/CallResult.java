package org.dues.work;

import org.dues.compliance.ContactResult;

/**
 * How a call ended, as the agent records it.
 */
public enum CallResult {

	NO_ANSWER(ContactResult.NO_ANSWER), BUSY(ContactResult.BUSY), VOICEMAIL(ContactResult.VOICEMAIL),
	/** A limited-content message (Reg F 1006.2(j)) left on voicemail or with a person. */
	LIMITED_MESSAGE(ContactResult.LIMITED_CONTENT_MESSAGE),
	/** The number is someone else's: it is marked and not called again. */
	WRONG_NUMBER(ContactResult.WRONG_NUMBER),
	/** Someone other than the customer answered; nothing about the debt was said. */
	THIRD_PARTY(ContactResult.THIRD_PARTY),
	/** The customer, verified. */
	RIGHT_PARTY(ContactResult.CONVERSATION);

	final ContactResult contact;

	CallResult(ContactResult contact) {
		this.contact = contact;
	}

}
